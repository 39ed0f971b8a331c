import Testing

@testable import NERKit

/// Neural CRFs in the model container: exact round trip, and damaged files (even with a
/// valid checksum) give a DataError, never a crash.
struct NeuralModelFileTests {
  static func sample() -> TrainedModel {
    let (model, _) = NeuralGradientTests.toy(shareDirections: true)
    return TrainedModel(model, metadata: [("languages", "en es"), ("scheme", "iob2")])
  }

  @Test func roundTrip() throws {
    let original = Self.sample()
    let bytes = ModelFile.encode(original)
    #expect(bytes[8] == 3)
    let trained = try ModelFile.decode(bytes)
    #expect(trained.kind == "neural")
    let decoded = trained.of(NeuralCRF.self)!
    #expect(decoded == original.of(NeuralCRF.self)!)
    #expect(decoded.configuration.shareDirections)
    #expect(trained.model.labels == ["O", "B-PER", "I-PER", "B-LOC"])
    #expect(trained.model.transitions == decoded.transitions)
    #expect(ModelFile.encode(trained) == bytes)
    // Tagging through SequenceTagger uses the network and the learned transitions.
    let tagger = SequenceTagger(trained)
    func input(_ tokens: [String], _ language: String) -> ModelInput {
      var s = Sentence()
      s.columns = [Column(key: "tokens", values: tokens)]
      return ModelInput(s, language: language)
    }
    let p = try tagger.predict([input(["Mr", "Smith"], "en"), input([], "es"), input(["Lima"], "xx")], marginals: true, nbest: 2)
      .map { try $0.get() }
    #expect(p.count == 3 && p[0].labels.count == 2 && p[1].labels.isEmpty && p[2].labels.count == 1)
    #expect(p[0].probabilities.allSatisfy { $0 > 0 && $0 <= 1 } && p[0].nbest.count == 2)
  }

  /// A stacked network's layer count is a named field: written, read back, and a
  /// one-layer model's file says layers = 1.
  @Test func layerCount() throws {
    let (model, _) = NeuralGradientTests.toy(layers: 2)
    let original = TrainedModel(model, metadata: [])
    let bytes = ModelFile.encode(original)
    let decoded = try ModelFile.decode(bytes).of(NeuralCRF.self)!
    #expect(decoded == model && decoded.configuration.layers == 2)
    #expect(model.fields.contains { $0 == ("layers", "2") })
    #expect(Self.sample().model.fields.contains { $0 == ("layers", "1") })
    var fields = ModelFields([("layers", "0")])
    #expect(throws: DataError.self) { try NeuralConfiguration(fields: &fields) }
  }

  /// A network without the character BiLSTM says so in a field written only then (other
  /// models' files are as before), and reads back with the same weights.
  @Test func withoutCharacterLSTM() throws {
    let (model, _) = NeuralGradientTests.toy(characters: false)
    #expect(model.fields.contains { $0 == ("char-lstm", "no") })
    #expect(!Self.sample().model.fields.contains { $0.0 == "char-lstm" })
    let decoded = try ModelFile.decode(ModelFile.encode(TrainedModel(model, metadata: []))).of(NeuralCRF.self)!
    #expect(decoded == model && !decoded.configuration.characterFeatures)
  }

  /// Both kinds are written as version 3, each naming its kind.
  @Test func linearModelsNameTheirKind() throws {
    let bytes = ModelFile.encode(ModelFileTests.sample())
    #expect(bytes[8] == 3)
    #expect(try ModelFile.decode(bytes).of(NeuralCRF.self) == nil)
  }

  @Test func damage() {
    let bytes = ModelFile.encode(Self.sample())
    for cut in Swift.stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
      #expect(throws: DataError.self) { try ModelFile.decode(Array(bytes[0..<cut])) }
    }
    // Payload changes with the checksum recomputed: structure checks must catch them.
    let header = ModelFile.magic.count + 12
    let payload = Array(bytes[header..<(bytes.count - 8)])
    var failures = 0
    for position in Swift.stride(from: 0, to: payload.count, by: max(1, payload.count / 300)) {
      for value: UInt8 in [0xFF, 0x7F, 0x00] {
        var p = payload
        guard p[position] != value else { continue }
        p[position] = value
        var file = Array(bytes[0..<header])
        file += p
        let h = FNV1a.hash(p)
        for i in 0..<8 { file.append(UInt8(truncatingIfNeeded: h >> (8 * UInt64(i)))) }
        do { _ = try ModelFile.decode(file) } catch is DataError { failures += 1 } catch { Issue.record("\(error)") }
      }
    }
    #expect(failures > 0)
  }
}
