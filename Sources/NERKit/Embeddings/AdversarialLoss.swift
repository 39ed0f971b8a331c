import Foundation

extension AdversarialAlignment {
  /// The discriminator's binary cross-entropy on one batch, MUSE's `dis_step` and
  /// `mapping_step` loss: the mapped source rows (`S Wᵀ`) labelled `sourceLabel`, the
  /// target rows `1 − sourceLabel`, the mean over the 2·rows inputs (after the batch's
  /// dropout mask). Adds the discriminator's gradient to `discriminatorGradient` and,
  /// when `mappingGradient` is given, the gradient of W (`d × d`) to it.
  static func batchLoss(
    discriminator: Discriminator, mapping w: [Float], batch: AdversarialBatch, sourceLabel: Float,
    discriminatorGradient: inout [Float], mappingGradient: inout [Float]?
  ) -> Double {
    let d = discriminator.dimension, n = batch.rows
    var x = [Float](repeating: 0, count: 2 * n * d)
    sgemm(false, true, n, d, d, batch.source, d, w, d, beta: 0, &x, d)
    x.replaceSubrange((n * d)..<(2 * n * d), with: batch.target)
    if !batch.mask.isEmpty {
      for t in x.indices { x[t] *= batch.mask[t] }
    }
    let pass = discriminator.forward(x, rows: 2 * n)
    let logits = pass.values.last!
    var loss = 0.0
    var delta = [Float](repeating: 0, count: 2 * n)
    for r in 0..<(2 * n) {
      let z = Double(logits[r]), y = Double(r < n ? sourceLabel : 1 - sourceLabel)
      loss += max(z, 0) - z * y + log1p(exp(-abs(z)))
      delta[r] = Float((1 / (1 + exp(-z)) - y) / Double(2 * n))
    }
    var dx = discriminator.backward(pass, delta: delta, gradient: &discriminatorGradient)
    if mappingGradient != nil {
      if !batch.mask.isEmpty {
        for t in 0..<(n * d) { dx[t] *= batch.mask[t] }
      }
      sgemm(true, false, d, d, n, dx, d, batch.source, d, beta: 1, &mappingGradient!, d)
    }
    return loss / Double(2 * n)
  }

  /// MUSE's orthogonalization of the mapping (`trainer.py`, `orthogonalize`):
  /// `W ← (1 + β)W − β(WWᵀ)W`.
  static func orthogonalize(_ w: inout [Float], dimension d: Int, beta: Float) {
    var wwt = [Float](repeating: 0, count: d * d)
    sgemm(false, true, d, d, d, w, d, w, d, beta: 0, &wwt, d)
    let original = w
    sgemm(false, false, d, d, d, wwt, d, original, d, beta: 1 + beta, &w, d, alpha: -beta)
  }
}
