import Foundation
import Testing

@testable import NERKit

/// Partial labellings (a free position has label -1): the likelihood of every label
/// sequence agreeing with the known labels, for the linear CRF (``LogLikelihood``) and
/// the neural CRF's loss (``CRFLoss``), against brute force and finite differences.
struct PartialLabelsTests {
  static func agrees(_ y: [Int], _ partial: [Int]) -> Bool { zip(y, partial).allSatisfy { $1 < 0 || $0 == $1 } }

  /// log P(agreeing sequences) by enumerating every sequence.
  static func bruteForce(_ model: CRFModel, _ x: AttributeSequence, _ partial: [Int]) -> Double {
    let all = CRFTests.allSequences(model.labelCount, partial.count)
    let logZ = CRFTests.logSumExp(all.map { model.score(x, labels: $0) })
    return CRFTests.logSumExp(all.filter { agrees($0, partial) }.map { model.score(x, labels: $0) }) - logZ
  }

  @Test(arguments: [[0, -1, 2, -1, 1], [-1, -1, -1, -1, 0], [-1, 2, 2, 1, 0], [2, -1, -1, -1, -1]])
  func likelihoodMatchesBruteForce(_ partial: [Int]) {
    let (model, x) = CRFTests.fixture(labels: 3, attributes: 5, length: 5, seed: 3)
    var g = [Double](repeating: 0, count: model.weightCount)
    let ll = LogLikelihood.accumulate(model: model, x: x, labels: partial, weight: 0.6, into: &g)
    #expect(abs(ll - 0.6 * Self.bruteForce(model, x, partial)) < 1e-9)
  }

  /// Every label free: the likelihood is 1 and the gradient 0. Every label known: the
  /// same figures as a full labelling.
  @Test func allFreeAndAllKnown() {
    let (model, x) = CRFTests.fixture(labels: 3, attributes: 5, length: 4, seed: 5)
    var g = [Double](repeating: 0, count: model.weightCount)
    let ll = LogLikelihood.accumulate(model: model, x: x, labels: [-1, -1, -1, -1], into: &g)
    #expect(abs(ll) < 1e-12 && g.allSatisfy { abs($0) < 1e-12 })
    let gold = [0, 2, 1, 1]
    #expect(abs(LogLikelihood.accumulate(model: model, x: x, labels: gold, into: &g) - Self.bruteForce(model, x, gold)) < 1e-9)
  }

  @Test func linearGradientMatchesFiniteDifferences() {
    let (model, x) = CRFTests.fixture(labels: 3, attributes: 5, length: 5, seed: 11)
    CRFTests.expectLogLikelihoodGradient(model, x, labels: [0, -1, 2, -1, -1], weight: 0.7)
  }

  /// The neural CRF's loss: d(loss)/d(state scores) and d(loss)/d(transitions).
  @Test func stateScoreGradientMatchesFiniteDifferences() {
    let L = 4, T = 6
    var rng = SplitMix64(seed: 9)
    func uniform() -> Double { Double(rng.next() % 1_000_000) / 1_000_000 * 4 - 2 }
    let scores = (0..<(T * L)).map { _ in uniform() }
    let transition = (0..<(L * L)).map { _ in uniform() }
    let partial = [1, -1, -1, 3, -1, 0]
    func loss(_ s: [Double], _ a: [Double]) -> (Double, [Double], [Double]) {
      var dS = [Double](repeating: 0, count: T * L), dA = [Double](repeating: 0, count: L * L)
      let l = dS.withUnsafeMutableBufferPointer { dS in
        dA.withUnsafeMutableBufferPointer { dA in
          CRFLoss.negativeLogLikelihood(
            stateScores: s, transition: a, expTransition: a.map { exp($0) }, labelCount: L, labels: partial, weight: 1.5,
            dScores: dS.baseAddress!, dTransitions: dA.baseAddress!
          ).loss
        }
      }
      return (l, dS, dA)
    }
    let (l0, dS, dA) = loss(scores, transition)
    #expect(l0 > 0)
    CRFTests.expectCentralDifferences({ loss($0, transition).0 }, at: scores, gradient: dS, what: "state score")
    CRFTests.expectCentralDifferences({ loss(scores, $0).0 }, at: transition, gradient: dA, what: "transition")
    // A free position's gradient is the difference of two marginals: it sums to 0.
    #expect(abs((L..<(2 * L)).map { dS[$0] }.reduce(0, +)) < 1e-9)
  }

  /// The training set keeps a free label as -1 and makes no state feature for it.
  @Test func trainingSetMarksFreeLabels() {
    var set = TrainingSet()
    set.append(features: [["a"], ["b"], ["c"]], labels: ["B-PER", "I-PER", "O"], known: [true, false, true])
    #expect(set.gold == [[0, -1, 1]] && set.labels == ["B-PER", "O"])
    #expect(set.observedLabels() == [[0], [], [1]])
  }
}
