import Testing

@testable import NERKit

struct ModelFileTests {
  static func sample() -> ModelFile.Contents {
    var model = CRFModel(labelCount: 3, attributeCount: 4)
    model.state = [0, 1.5, 0, 0, 0, 0, -2, 0, 0.25, 0, 3, 0]  // attribute 1 has no weight
    model.transition = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8, -0.9]
    let tagger = CRFTagger(labels: ["O", "B-PER", "I-PER"], attributes: ["w[0]=a": 0, "w[0]=b": 1, "w[0]=c": 2, "w[0]=é": 3], model: model)
    return ModelFile.Contents(metadata: [("languages", "es"), ("scheme", "iob2")], tagger: tagger)
  }

  @Test func roundTripPrunesZeroWeights() throws {
    let original = Self.sample()
    let decoded = try ModelFile.decode(ModelFile.encode(original))
    #expect(decoded.metadata.map { "\($0.0)=\($0.1)" } == ["languages=es", "scheme=iob2"])
    #expect(decoded.tagger.labels == original.tagger.labels)
    #expect(decoded.tagger.model.transition == original.tagger.model.transition)
    #expect(decoded.tagger.attributes.count == 3 && decoded.tagger.attributes["w[0]=b"] == nil)
    // The same scores for every attribute that survived.
    for (name, id) in decoded.tagger.attributes {
      let old = original.tagger.attributes[name]!
      for y in 0..<3 { #expect(decoded.tagger.model.weight(id, y) == original.tagger.model.weight(old, y)) }
    }
    #expect(ModelFile.encode(decoded) == ModelFile.encode(original))
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
    #expect(message(future) == "model format version 9; this ner-tag reads versions 1 and 2")
    // Every truncation fails cleanly.
    for n in stride(from: 0, to: good.count, by: 7) { #expect(message(Array(good.prefix(n))) != nil) }
  }
}
