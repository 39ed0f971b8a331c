import Foundation
import Testing

@testable import NERKit

/// The CRF's inference against brute-force enumeration of every label sequence, and its
/// gradient against finite differences.
struct CRFTests {
  /// A small model and sequence with weights from a seeded generator.
  static func fixture(labels L: Int = 3, attributes A: Int = 6, length T: Int = 4, seed: UInt64 = 7, scale: Double = 1)
    -> (CRFModel, AttributeSequence)
  {
    var rng = SplitMix64(seed: seed)
    func uniform() -> Double { Double(rng.next() % 1_000_000) / 1_000_000 * 2 - 1 }
    var model = CRFModel(labelCount: L, attributeCount: A)
    model.weights = (0..<model.weightCount).map { _ in uniform() * scale }
    var x = AttributeSequence()
    for _ in 0..<T {
      var attrs: [(id: Int, value: Double)] = []
      for a in 0..<A where rng.next() % 2 == 0 { attrs.append((a, a % 3 == 0 ? 0.5 + abs(uniform()) : 1)) }
      x.append(attrs)
    }
    return (model, x)
  }

  /// Every label sequence of length T over L labels.
  static func allSequences(_ L: Int, _ T: Int) -> [[Int]] {
    var result: [[Int]] = [[]]
    for _ in 0..<T { result = result.flatMap { s in (0..<L).map { s + [$0] } } }
    return result
  }

  static func logSumExp(_ xs: [Double]) -> Double {
    let m = xs.max()!
    return m + log(xs.reduce(0) { $0 + exp($1 - m) })
  }

  @Test(arguments: [1, 2, 4, 5])
  func partitionAndMarginalsMatchBruteForce(_ T: Int) {
    let (model, x) = Self.fixture(length: T)
    let L = model.labelCount
    let lattice = Lattice(stateScores: model.stateScores(x), transition: model.transition, labelCount: L)
    let sequences = Self.allSequences(L, T)
    let scores = sequences.map { model.score(x, labels: $0) }
    let logZ = Self.logSumExp(scores)
    #expect(abs(lattice.logZ - logZ) < 1e-9)
    for t in 0..<T {
      for y in 0..<L {
        let p = zip(sequences, scores).filter { $0.0[t] == y }.map { exp($0.1 - logZ) }.reduce(0, +)
        #expect(abs(lattice.marginal(t, y) - p) < 1e-9)
      }
      if t > 0 {
        for i in 0..<L {
          for j in 0..<L {
            let p = zip(sequences, scores).filter { $0.0[t - 1] == i && $0.0[t] == j }.map { exp($0.1 - logZ) }.reduce(0, +)
            #expect(abs(lattice.edgeMarginal(t, i, j) - p) < 1e-9)
          }
        }
      }
    }
  }

  @Test func largeWeightsDoNotOverflow() {
    let (model, x) = Self.fixture(length: 5, scale: 800)
    let lattice = Lattice(stateScores: model.stateScores(x), transition: model.transition, labelCount: model.labelCount)
    #expect(lattice.logZ.isFinite)
    for t in 0..<5 {
      let total = (0..<model.labelCount).map { lattice.marginal(t, $0) }.reduce(0, +)
      #expect(abs(total - 1) < 1e-9)
    }
  }

  @Test func gradientMatchesFiniteDifferences() {
    let (model, x) = Self.fixture(labels: 3, attributes: 5, length: 5, seed: 11)
    Self.expectLogLikelihoodGradient(model, x, labels: [0, 2, 2, 1, 0], weight: 0.7)
  }

  /// Checks ``LogLikelihood/accumulate`` (its value again from scratch, and its gradient
  /// of the negative log-likelihood) against central differences over every weight.
  static func expectLogLikelihoodGradient(_ model: CRFModel, _ x: AttributeSequence, labels: [Int], weight: Double) {
    var gradient = [Double](repeating: 0, count: model.weightCount)
    let ll = LogLikelihood.accumulate(model: model, x: x, labels: labels, weight: weight, into: &gradient)
    func loss(_ w: [Double]) -> Double {
      var m = model
      m.weights = w
      var scratch = [Double](repeating: 0, count: m.weightCount)
      return -LogLikelihood.accumulate(model: m, x: x, labels: labels, weight: weight, into: &scratch)
    }
    #expect(abs(ll + loss(model.weights)) < 1e-12)
    expectCentralDifferences(loss, at: model.weights, gradient: gradient, what: "weight")
  }

  /// Checks `gradient` against central differences of `f` at `x`, coordinate by coordinate.
  static func expectCentralDifferences(_ f: ([Double]) -> Double, at x: [Double], gradient: [Double], what: String,
                                       h: Double = 1e-5, tolerance: Double = 1e-6) {
    for k in x.indices {
      var plus = x, minus = x
      plus[k] += h
      minus[k] -= h
      let numeric = (f(plus) - f(minus)) / (2 * h)
      #expect(abs(numeric - gradient[k]) < tolerance, "\(what) \(k): numeric \(numeric), analytic \(gradient[k])")
    }
  }

  @Test func viterbiFindsTheBestSequence() {
    for seed in 1...5 as ClosedRange<UInt64> {
      let (model, x) = Self.fixture(length: 5, seed: seed)
      let best = Self.allSequences(model.labelCount, 5).max { model.score(x, labels: $0) < model.score(x, labels: $1) }!
      let found = Viterbi.decode(scores: model.stateScores(x), transition: model.transition, labelCount: model.labelCount)
      #expect(found.labels == best)
      #expect(abs(found.score - model.score(x, labels: best)) < 1e-9)
    }
  }

  static let iob2Labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]

  /// Whether a label sequence is valid IOB2.
  static func validIOB2(_ labels: [Int]) -> Bool {
    let tags = labels.map { Tag(parsing: iob2Labels[$0])! }
    return SpanDecoder.strict(tags, scheme: .iob2).firstViolation == nil
  }

  @Test func constrainedViterbiNeverEmitsInvalidSequences() {
    let mask = TransitionMask(labels: Self.iob2Labels, scheme: .iob2)
    for seed in 1...20 as ClosedRange<UInt64> {
      let (model, x) = Self.fixture(labels: 5, attributes: 6, length: 4, seed: seed, scale: 3)
      let valid = Self.allSequences(5, 4).filter(Self.validIOB2)
      let best = valid.max { model.score(x, labels: $0) < model.score(x, labels: $1) }!
      let found = Viterbi.decode(scores: model.stateScores(x), transition: model.transition, labelCount: 5, mask: mask)
      #expect(Self.validIOB2(found.labels))
      #expect(found.labels == best)
    }
  }

  @Test func transitionMasks() {
    let iob2 = TransitionMask(labels: Self.iob2Labels, scheme: .iob2)
    func ok(_ m: TransitionMask, _ labels: [String], _ a: String, _ b: String) -> Bool {
      m.allowed[labels.firstIndex(of: a)! * labels.count + labels.firstIndex(of: b)!]
    }
    #expect(!ok(iob2, Self.iob2Labels, "O", "I-PER"))
    #expect(!ok(iob2, Self.iob2Labels, "B-PER", "I-LOC"))
    #expect(ok(iob2, Self.iob2Labels, "B-PER", "I-PER"))
    #expect(ok(iob2, Self.iob2Labels, "I-PER", "B-PER"))
    #expect(iob2.allowedFirst == [true, true, false, true, false])
    let iobesLabels = ["O", "B-X", "I-X", "E-X", "S-X"]
    let iobes = TransitionMask(labels: iobesLabels, scheme: .iobes)
    #expect(!ok(iobes, iobesLabels, "B-X", "O"))
    #expect(ok(iobes, iobesLabels, "B-X", "E-X"))
    #expect(!ok(iobes, iobesLabels, "E-X", "I-X"))
    #expect(ok(iobes, iobesLabels, "S-X", "B-X"))
    #expect(iobes.allowedLast == [true, false, false, true, true])
    // Labels that are not tags are never constrained.
    let free = TransitionMask(labels: ["NOUN", "VERB"], scheme: .iob2)
    #expect(free.allowed.allSatisfy { $0 })
  }
}
