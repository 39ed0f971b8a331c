import Foundation
import Testing

@testable import NERKit

struct ModelFileTests {
  static func sample() -> TrainedModel {
    var model = CRFModel(labelCount: 3, attributeCount: 4)
    model.state = [0, 1.5, 0, 0, 0, 0, -2, 0, 0.25, 0, 3, 0]  // attribute 1 has no weight
    model.transition = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8, -0.9]
    let tagger = CRFTagger(labels: ["O", "B-PER", "I-PER"], attributes: ["w[0]=a": 0, "w[0]=b": 1, "w[0]=c": 2, "w[0]=é": 3], model: model)
    return TrainedModel(LinearCRF(featureSet: try! FeatureSet(), tagger: tagger), metadata: [("languages", "es"), ("scheme", "iob2")])
  }

  @Test func roundTripPrunesZeroWeights() throws {
    let original = Self.sample().of(LinearCRF.self)!
    let trained = try ModelFile.decode(ModelFile.encode(Self.sample()))
    #expect(trained.kind == "linear")
    #expect(trained.metadata.map { "\($0.0)=\($0.1)" } == ["languages=es", "scheme=iob2"])
    let decoded = trained.of(LinearCRF.self)!
    #expect(decoded.tagger.labels == original.tagger.labels)
    #expect(decoded.tagger.model.transition == original.tagger.model.transition)
    #expect(decoded.tagger.attributes.count == 3 && decoded.tagger.attributes["w[0]=b"] == nil)
    // The same scores for every attribute that survived.
    for (name, id) in decoded.tagger.attributes {
      let old = original.tagger.attributes[name]!
      for y in 0..<3 { #expect(decoded.tagger.model.weight(id, y) == original.tagger.model.weight(old, y)) }
    }
    #expect(ModelFile.encode(trained) == ModelFile.encode(Self.sample()))
  }

  @Test func damagedFilesGiveClearErrors() {
    let good = ModelFile.encode(Self.sample())
    func message(_ bytes: [UInt8]) -> String? {
      do { _ = try ModelFile.decode(bytes); return nil } catch let e as DataError { return e.message } catch { return "\(error)" }
    }
    #expect(message(Array("hello world, not a model".utf8)) == "not a ner-tag model")
    var flipped = good
    flipped[40] ^= 0x01
    #expect(message(flipped) == "damaged model: checksum mismatch")
    #expect(message(Array(good.dropLast(3))) == "damaged model: truncated or too long")
    var future = good
    future[8] = 9
    #expect(message(future) == "model format version 9; this ner-tag reads versions 1 to 3")
    // A length field with its top bit set is damage, not a trap.
    var huge = good
    huge[19] |= 0x80
    #expect(message(huge) == "damaged model: truncated or too long")
    // Every truncation fails cleanly.
    for n in stride(from: 0, to: good.count, by: 7) { #expect(message(Array(good.prefix(n))) != nil) }
  }

  /// The file names its kind once, and its settings as named fields: a field or a
  /// section this version does not know is an error, a missing setting its default.
  @Test func namedFieldsAndSections() throws {
    func payload(_ bytes: [UInt8]) -> [UInt8] { Array(bytes[(ModelFile.magic.count + 12)..<(bytes.count - 8)]) }
    func file(_ payload: [UInt8]) -> [UInt8] { ModelFile.container(payload, version: ModelFile.version) }
    func message(_ bytes: [UInt8]) -> String? {
      do { _ = try ModelFile.decode(bytes); return nil } catch let e as DataError { return e.message } catch { return "\(error)" }
    }
    let sample = Self.sample()
    let sections = sample.model.sections()
    func write(_ w: inout ByteWriter, _ sections: [(name: String, bytes: [UInt8])]) {
      w.u32(UInt32(sections.count))
      for (name, bytes) in sections { w.string(name); w.u64(UInt64(bytes.count)); w.bytes += bytes }
    }
    var w = ByteWriter()
    w.string("linear")
    w.pairs(sample.metadata)
    w.pairs([("language-features", "no"), ("colour", "blue")])
    write(&w, sections)
    #expect(message(file(w.bytes)) == "model field 'colour' is unknown to this ner-tag (a model from a newer version?)")
    w = ByteWriter()
    w.string("quantum")
    #expect(message(file(w.bytes)) == "model of kind 'quantum'; this ner-tag knows linear, neural")
    // A settings field left out takes its default: the file without language-features
    // loads; with a section this version does not know, it does not.
    w = ByteWriter()
    w.string("linear")
    w.pairs(sample.metadata)
    w.pairs([])
    write(&w, sections)
    #expect(message(file(w.bytes)) == nil)
    w = ByteWriter()
    w.string("linear")
    w.pairs(sample.metadata)
    w.pairs([])
    write(&w, sections + [("extra", [1, 2])])
    #expect(message(file(w.bytes)) == "model section 'extra' is unknown to this ner-tag (a model from a newer version?)")
    #expect(payload(ModelFile.encode(sample)) == payload(ModelFile.encode(try ModelFile.decode(ModelFile.encode(sample)))))
  }

  /// Files written before version 3 (Tests/CLITests/Fixtures/models) load, and
  /// written again as version 3 they load to the same model.
  @Test(arguments: ["linear", "linear-template", "neural", "neural-flags"])
  func earlierVersionsLoad(name: String) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("CLITests/Fixtures/models/\(name).model")
    let old = [UInt8](try Data(contentsOf: path))
    #expect(old[8] == (name.hasPrefix("neural") ? 2 : 1))
    let trained = try ModelFile.decode(old)
    #expect(trained.kind == (name.hasPrefix("neural") ? "neural" : "linear"))
    #expect(!trained.metadata.contains { $0.0 == "model" || FeatureSet.keys.contains($0.0) })
    let again = ModelFile.encode(trained)
    #expect(again[8] == 3)
    #expect(ModelFile.encode(try ModelFile.decode(again)) == again)
  }
}
