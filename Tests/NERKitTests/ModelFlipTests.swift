import Testing

@testable import NERKit

/// Model files damaged past their checksum (a byte of the payload flipped, the checksum
/// written again, as a bug or a hand edit leaves them): every variant that loads tags
/// without trapping, and none changes the model's structure (sizes, counts).
///
/// A flipped weight, or a flipped character of a word or a label, is a valid model. So
/// is a label or attribute index that stays in range and in order (a weight moved to
/// another feature); every other change must be rejected on load.
struct ModelFlipTests {
  /// What a damaged file must not change when it loads: the kind and its sizes.
  static func shape(_ t: TrainedModel) -> [Int] {
    if let m = t.of(LinearCRF.self) {
      let crf = m.tagger.model
      return [0, m.labels.count, crf.attributeCount, crf.state.count, crf.transition.count, m.tagger.attributes.count]
    }
    let n = t.of(NeuralCRF.self)!
    let c = n.configuration
    return [1, n.labels.count, n.languages.count, n.characters.count, n.parameters.count, c.charDim, c.charHidden,
            c.wordDim, c.hidden, c.layers, c.languageDim] + n.vocabularies.map(\.count) + n.embeddings.map(\.count)
  }

  static func sentence(_ tokens: [String]) -> ModelInput {
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: tokens)]
    return ModelInput(s, language: "es")
  }

  /// Flips each payload byte with each mask in turn; returns how many variants loaded.
  static func flipEveryByte(_ model: TrainedModel) throws -> (variants: Int, loaded: Int) {
    let good = ModelFile.encode(model)
    let header = ModelFile.magic.count + 12
    let original = shape(try ModelFile.decode(good))
    var (variants, loaded) = (0, 0)
    for i in header..<(good.count - 8) {
      for mask: UInt8 in [0x01, 0x80, 0xFF] {
        var payload = Array(good[header..<(good.count - 8)])
        payload[i - header] ^= mask
        variants += 1
        guard let t = try? ModelFile.decode(ModelFile.container(payload, version: ModelFile.version)) else { continue }
        loaded += 1
        #expect(shape(t) == original, "byte \(i) ^ \(mask): the model's sizes changed and it loaded")
        let tagger = SequenceTagger(t)
        let inputs = [sentence(["María", "vive", "en", "Sevilla"]), sentence(["x"]), sentence([])]
        let p = tagger.predict(inputs.map { (try? t.model.prepare($0)) ?? $0 }, marginals: true, nbest: 2, spans: true)
        for case .success(let prediction) in p {
          #expect(prediction.labels.allSatisfy { !$0.isEmpty && !$0.contains(" ") && !$0.contains("\t") })
        }
      }
    }
    return (variants, loaded)
  }

  @Test func linearModel() throws {
    let (variants, loaded) = try Self.flipEveryByte(ModelFileTests.sample())
    #expect(variants > 500 && loaded < variants)
  }

  @Test func neuralModel() throws {
    let (variants, loaded) = try Self.flipEveryByte(NeuralModelFileTests.sample())
    #expect(variants > 1000 && loaded < variants)
  }

  /// Labels that a tag column cannot hold, or a label twice, are damage.
  @Test func labelsAreChecked() {
    for labels in [[], [""], ["B PER"], ["O", "O"], ["B-PER\n"]] {
      var w = ByteWriter()
      w.strings(labels)
      #expect(throws: DataError.self) { try ByteReader(w.bytes, from: 0).labels() }
    }
  }
}
