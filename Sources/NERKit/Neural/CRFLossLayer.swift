#if canImport(Glibc)
import Glibc
#endif

/// The CRF on top of the network: the weighted negative log-likelihood of each
/// sentence's gold labels given its tag scores and the transitions (``CRFLoss``, the
/// linear CRF's loss too). The forward pass runs forward-backward, so its run holds the
/// gradients that ``backward`` hands on.
struct CRFLossLayer {
  let layout: ParameterLayout

  /// What the backward pass needs.
  struct Run {
    /// The summed weighted negative log-likelihood.
    let loss: Double
    /// d(loss)/d(tag scores), tokens × labels, and d(loss)/d(transitions).
    let dEmissions: FloatBuffer
    let dTransitions: [Double]
  }

  func forward(_ p: UnsafePointer<Float>, emissions: FloatBuffer, _ batch: TokenBatch) -> Run {
    let L = layout.labelCount
    let transition = (0..<(L * L)).map { Double(p[layout.transitions + $0]) }
    let expTransition = transition.map { exp($0) }
    let dE = FloatBuffer(batch.tokenCount * L)
    var dA = [Double](repeating: 0, count: L * L)
    var loss = 0.0
    for (k, s) in batch.sentences.enumerated() {
      let T = s.words.count, start = batch.sentenceStart[k] * L
      let scores = (0..<(T * L)).map { Double(emissions.pointer[start + $0]) }
      var dScores = [Double](repeating: 0, count: T * L)
      let (l, _, _) = dA.withUnsafeMutableBufferPointer { dA in
        dScores.withUnsafeMutableBufferPointer { dS in
          CRFLoss.negativeLogLikelihood(
            stateScores: scores, transition: transition, expTransition: expTransition, labelCount: L,
            labels: s.labels, weight: Double(s.weight), dScores: dS.baseAddress!, dTransitions: dA.baseAddress!)
        }
      }
      loss += l
      for j in 0..<(T * L) { dE.pointer[start + j] = Float(dScores[j]) }
    }
    return Run(loss: loss, dEmissions: dE, dTransitions: dA)
  }

  /// Adds the transitions' gradient into `grad` and returns the tag scores'.
  func backward(_ run: Run, grad: UnsafeMutablePointer<Float>) -> FloatBuffer {
    for (i, d) in run.dTransitions.enumerated() { grad[layout.transitions + i] += Float(d) }
    return run.dEmissions
  }
}
