/// The word half of a token's input: its row of its language's embedding table (row 0,
/// the unknown word's, for words out of the vocabulary and, while training with
/// dropout, for half of the occurrences of words seen once). Its run is each token's
/// row.
struct WordEmbeddingFeatures: TokenFeatureSource {
  /// Each language's table, (words + 1) × dimension.
  let tables: [[Float]]
  let dimension: Int

  static func width(_ c: NeuralConfiguration) -> Int { c.wordDim }

  init(model: NeuralCRF) {
    tables = model.embeddings
    dimension = model.configuration.wordDim
  }

  func forward(_ p: UnsafePointer<Float>, _ batch: inout TokenBatch, into x: TokenColumns) -> [Int] {
    let E = dimension
    var ids = [Int](repeating: 0, count: batch.tokenCount)
    for (r, (k, i)) in batch.tokens.enumerated() {
      let s = batch.sentences[k]
      var w = Int(s.words[i])
      if let d = batch.dropout, d.rate > 0, i < s.singletons.count, s.singletons[i], batch.streams![k].unit() < 0.5 { w = 0 }
      ids[r] = w
      tables[s.language].withUnsafeBufferPointer { x.row(r).update(from: $0.baseAddress! + w * E, count: E) }
    }
    return ids
  }

  /// Adds each token's gradient into its row's (rows of frozen tables excepted).
  func backward(_ p: UnsafePointer<Float>, _ ids: [Int], _ batch: TokenBatch, dX: TokenColumns, grad: Gradient) {
    let E = dimension
    for (r, (k, _)) in batch.tokens.enumerated() {
      guard let slot = grad.slot(language: batch.sentences[k].language, word: ids[r]) else { continue }
      let d = dX.row(r)
      grad.rows.withUnsafeMutableBufferPointer { rows in
        for j in 0..<E { rows[slot * E + j] += d[j] }
      }
    }
  }
}
