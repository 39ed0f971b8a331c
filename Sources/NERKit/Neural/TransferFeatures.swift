/// The transfer features T of a sentence (``ConverseTransfer``) as a source of the
/// sentence BiLSTM's input (``TransferPlacement/input``): each token's row of T, with
/// transfer dropout while training. T is a constant of the sentence: no weights, no
/// gradient. (``NetworkPass`` fills the columns under the tag layer with it too, for
/// ``TransferPlacement/states``.)
struct TransferFeatures: TokenFeatureSource {
  let width: Int

  static func width(_ c: NeuralConfiguration) -> Int { c.transferInputWidth }

  init(model: NeuralCRF) { width = Self.width(model.configuration) }

  init(width: Int) { self.width = width }

  func forward(_ p: UnsafePointer<Float>, _ batch: inout TokenBatch, into x: TokenColumns) {
    let W = width
    for (k, s) in batch.sentences.enumerated() {
      precondition(s.transfer.count == s.words.count * W, "TransferFeatures: a sentence without its transfer features")
      let start = batch.sentenceStart[k]
      s.transfer.withUnsafeBufferPointer { t in
        for i in 0..<s.words.count { x.row(start + i).update(from: t.baseAddress! + i * W, count: W) }
      }
      if let d = batch.dropout, d.transferRate > 0 {
        d.dropTransfer(tokens: s.words.count, width: W, stream: &batch.streams![k]) { x.row(start + $0) }
      }
    }
  }

  func backward(_ p: UnsafePointer<Float>, _ run: Void, _ batch: TokenBatch, dX: TokenColumns, grad: Gradient) {}
}
