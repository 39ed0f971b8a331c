import Testing

@testable import NERKit

/// Neural CRFs in the model container: exact round trip, and damaged files (even with a
/// valid checksum) give a DataError, never a crash.
struct NeuralModelFileTests {
  static func sample() -> ModelFile.Contents {
    let (model, _) = NeuralGradientTests.toy(shareDirections: true)
    return ModelFile.Contents(metadata: [("languages", "en es"), ("scheme", "iob2"), ("model", "neural")], neural: model)
  }

  @Test func roundTrip() throws {
    let original = Self.sample()
    let bytes = ModelFile.encode(original)
    #expect(bytes[8] == 2)
    let decoded = try ModelFile.decode(bytes)
    #expect(decoded == original)
    #expect(decoded.neural!.configuration.shareDirections)
    #expect(decoded.tagger.labels == ["O", "B-PER", "I-PER", "B-LOC"])
    #expect(decoded.tagger.model.transition == original.neural!.transitions)
    #expect(ModelFile.encode(decoded) == bytes)
    // Tagging through SequenceTagger uses the network and the learned transitions.
    let tagger = try SequenceTagger(decoded)
    let p = tagger.predict(sentences: [(["Mr", "Smith"], "en"), ([], "es"), (["Lima"], "xx")], marginals: true, nbest: 2)
    #expect(p.count == 3 && p[0].labels.count == 2 && p[1].labels.isEmpty && p[2].labels.count == 1)
    #expect(p[0].probabilities.allSatisfy { $0 > 0 && $0 <= 1 } && p[0].nbest.count == 2)
  }

  /// A stacked network's layer count follows the flags (bit 8); a one-layer model is
  /// written as before (no bit 8, nothing after the flags).
  @Test func layerCount() throws {
    let (model, _) = NeuralGradientTests.toy(layers: 2)
    let original = ModelFile.Contents(metadata: [("model", "neural")], neural: model)
    let bytes = ModelFile.encode(original)
    let decoded = try ModelFile.decode(bytes)
    #expect(decoded == original && decoded.neural!.configuration.layers == 2)
    #expect(ModelFile.encode(decoded) == bytes)
    // After the sizes (3, 2, 4, 3, 2): the flags, then the label count (4), or with two
    // layers the flags + 8 and the layer count first.
    func afterSizes(_ bytes: [UInt8]) -> [UInt8] {
      let sizes: [UInt8] = [3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0]
      let at = (0...(bytes.count - sizes.count)).first { Array(bytes[$0..<($0 + sizes.count)]) == sizes }!
      return Array(bytes[(at + sizes.count)..<(at + sizes.count + 12)])
    }
    let shared = NeuralGradientTests.toy(shareDirections: true, layers: 2).0
    let stacked = ModelFile.encode(ModelFile.Contents(metadata: [], neural: shared))
    #expect(afterSizes(stacked) == [9, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0])
    #expect(afterSizes(ModelFile.encode(Self.sample()))[0..<8] == [1, 0, 0, 0, 4, 0, 0, 0])
  }

  /// Linear models are still written as version 1, byte for byte as before.
  @Test func linearModelsKeepVersion1() throws {
    let bytes = ModelFile.encode(ModelFileTests.sample())
    #expect(bytes[8] == 1)
    #expect(try ModelFile.decode(bytes).neural == nil)
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
