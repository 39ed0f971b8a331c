/// Model files of format versions 1 (linear CRF) and 2 (neural CRF), written by
/// ner-tag before version 3; read only.
///
/// Version 1 payload: metadata pairs (the feature set's settings among them), labels,
/// attributes, state weight triples and transitions, in the order ``LinearCRF``'s
/// sections hold them. Version 2 payload: the model kind (UInt32, 1 = neural), metadata
/// pairs, the sizes charDim, charHidden, wordDim, hidden, languageDim (UInt32 each),
/// flags (UInt32: 1 shared directions, 2 lowercase, 4 digit masking), then labels,
/// languages, characters, vocabularies, parameters and embeddings in the order of
/// ``NeuralCRF``'s sections.
enum LegacyModelFile {
  static func decodeLinear(_ payload: [UInt8]) throws -> TrainedModel {
    let p = ByteReader(payload, from: 0)
    let pairs = try p.pairs()
    var fields = ModelFields(pairs.filter { FeatureSet.keys.contains($0.0) })
    let featureSet = try FeatureSet(fields: &fields)
    let tagger = try LinearCRF.readTagger(labels: p, attributes: p, state: p, transitions: p)
    try p.done()
    return TrainedModel(LinearCRF(featureSet: featureSet, tagger: tagger), metadata: pairs.filter { !FeatureSet.keys.contains($0.0) })
  }

  static func decodeNeural(_ payload: [UInt8]) throws -> TrainedModel {
    let p = ByteReader(payload, from: 0)
    guard try p.u32() == 1 else { throw DataError(line: 0, "damaged model: unknown model kind") }
    let metadata = try p.pairs().filter { $0.0 != "model" }
    var c = NeuralConfiguration()
    var sizes: [Int] = []
    for _ in 0..<5 {
      let n = Int(try p.u32())
      guard n <= 100_000 else { throw DataError(line: 0, "damaged model: bad layer size") }
      sizes.append(n)
    }
    guard sizes[0...3].allSatisfy({ $0 > 0 }) else { throw DataError(line: 0, "damaged model: bad layer size") }
    (c.charDim, c.charHidden, c.wordDim, c.hidden, c.languageDim) = (sizes[0], sizes[1], sizes[2], sizes[3], sizes[4])
    let flags = try p.u32()
    c.shareDirections = flags & 1 != 0
    c.lower = flags & 2 != 0
    c.maskDigits = flags & 4 != 0
    let model = try NeuralCRF(c, labels: p, languages: p, characters: p, vocabularies: p, parameters: p, embeddings: p)
    try p.done()
    return TrainedModel(model, metadata: metadata)
  }
}
