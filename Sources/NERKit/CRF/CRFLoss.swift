/// The negative log-likelihood of a labelling under a linear-chain CRF, and its gradient
/// with respect to the state scores and the transitions: the one CRF loss of the linear
/// CRF (state scores from sparse features) and of the neural CRF (state scores from the
/// network).
///
/// A labelling may be partial: a negative label leaves its position free, and the
/// likelihood is then that of every label sequence agreeing with the known labels (the
/// partial-annotation CRF of Tsuboi et al. 2008, used for uncertain pseudo-labels):
/// log Z − log Z over the sequences that agree, the second from forward-backward with
/// the other labels of each known position shut out.
enum CRFLoss {
  /// Returns `weight` × (log Z − score of `labels`) over the state scores `[t * L + y]`
  /// and the transitions `[i * L + j]` (`expTransition` their exponentials), with the
  /// lattice it ran forward-backward on and, for a partial labelling, the lattice
  /// restricted to it. Adds `weight` × d(loss)/d(transition) into `dTransitions` and,
  /// when `dScores` is given, writes `weight` × (marginal − gold) into it, `[t * L + y]`
  /// (gold: 1 for the known label, the restricted marginal at a free position; a caller
  /// summing over features may instead read the marginals from the lattices).
  static func negativeLogLikelihood(
    stateScores scores: [Double], transition: [Double], expTransition: [Double], labelCount L: Int, labels: [Int],
    weight: Double, dScores: UnsafeMutablePointer<Double>?, dTransitions: UnsafeMutablePointer<Double>
  ) -> (loss: Double, lattice: Lattice, restricted: Lattice?) {
    let T = labels.count
    let lattice = Lattice(stateScores: scores, expTransition: expTransition, labelCount: L)
    if labels.contains(where: { $0 < 0 }) {
      var shut = scores
      for t in 0..<T where labels[t] >= 0 {
        for y in 0..<L where y != labels[t] { shut[t * L + y] = -.infinity }
      }
      let restricted = Lattice(stateScores: shut, expTransition: expTransition, labelCount: L)
      for t in 0..<T {
        if let dScores {
          for y in 0..<L { dScores[t * L + y] = weight * (lattice.marginal(t, y) - restricted.marginal(t, y)) }
        }
        if t > 0 {
          lattice.addEdgeMarginals(t, scaledBy: weight, into: dTransitions)
          restricted.addEdgeMarginals(t, scaledBy: -weight, into: dTransitions)
        }
      }
      return (weight * (lattice.logZ - restricted.logZ), lattice, restricted)
    }
    var goldScore = 0.0
    for t in 0..<T {
      goldScore += scores[t * L + labels[t]]
      if t > 0 { goldScore += transition[labels[t - 1] * L + labels[t]] }
    }
    for t in 0..<T {
      if let dScores {
        for y in 0..<L { dScores[t * L + y] = weight * (lattice.marginal(t, y) - (y == labels[t] ? 1 : 0)) }
      }
      if t > 0 {
        lattice.addEdgeMarginals(t, scaledBy: weight, into: dTransitions)
        dTransitions[labels[t - 1] * L + labels[t]] -= weight
      }
    }
    return (weight * (lattice.logZ - goldScore), lattice, nil)
  }
}
