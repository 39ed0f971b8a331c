import Testing

@testable import NERKit

/// N-best decoding against brute-force enumeration of every label sequence.
struct NBestTests {
  /// Random state scores and transitions: uniform in [-2, 2), or small integers (which
  /// add up exactly, so that ties are many and exact).
  static func fixture(labels L: Int, length T: Int, seed: UInt64, integers: Bool = false) -> (scores: [Double], transition: [Double]) {
    var rng = SplitMix64(seed: seed)
    func draw() -> Double {
      integers ? Double(Int(rng.next() % 3) - 1) : Double(rng.next() % 1_000_000) / 250_000 - 2
    }
    return ((0..<T * L).map { _ in draw() }, (0..<L * L).map { _ in draw() })
  }

  /// Every allowed sequence with its score, best first; equal scores ordered by labels
  /// compared from the last backwards (the documented order).
  static func bruteForce(scores: [Double], transition: [Double], labelCount L: Int, mask: TransitionMask?)
    -> [(labels: [Int], score: Double)]
  {
    let T = scores.count / L
    var all: [[Int]] = [[]]
    for _ in 0..<T { all = all.flatMap { s in (0..<L).map { s + [$0] } } }
    var result: [(labels: [Int], score: Double)] = []
    for s in all {
      if let mask, let first = s.first, let last = s.last {
        guard mask.allowedFirst[first], mask.allowedLast[last] else { continue }
        guard (1..<max(T, 1)).allSatisfy({ mask.allowed[s[$0 - 1] * L + s[$0]] }) else { continue }
      }
      var score = 0.0
      for t in 0..<T {
        if t > 0 { score += transition[s[t - 1] * L + s[t]] }
        score += scores[t * L + s[t]]
      }
      result.append((s, score))
    }
    return result.sorted {
      $0.score != $1.score ? $0.score > $1.score : $0.labels.reversed().lexicographicallyPrecedes($1.labels.reversed())
    }
  }

  static let iob2 = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
  static let iobes = ["O", "S-PER", "B-PER", "E-PER", "I-PER"]

  /// The masks to try for L labels: none, IOB2 and IOBES.
  static func masks(_ L: Int) -> [TransitionMask?] {
    [nil, TransitionMask(labels: Array(iob2.prefix(L)), scheme: .iob2), TransitionMask(labels: Array(iobes.prefix(L)), scheme: .iobes)]
  }

  @Test(arguments: 3...5)
  func matchesBruteForceOnRandomScores(_ L: Int) {
    for T in 1...6 {
      for (m, mask) in Self.masks(L).enumerated() {
        let (scores, transition) = Self.fixture(labels: L, length: T, seed: UInt64(100 * L + 10 * T + m))
        let expected = Self.bruteForce(scores: scores, transition: transition, labelCount: L, mask: mask)
        let n = [1, 2, 7, 40][T % 4]
        let got = NBest.decode(scores: scores, transition: transition, labelCount: L, mask: mask, n: n)
        #expect(got.count == min(n, expected.count), "L=\(L) T=\(T) mask \(m)")
        for (k, g) in got.enumerated() where k < expected.count {
          #expect(abs(g.score - expected[k].score) < 1e-9, "L=\(L) T=\(T) mask \(m) rank \(k)")
          // The sequences themselves where no other score is close.
          let separated = (k == 0 || expected[k - 1].score - expected[k].score > 1e-9)
            && (k + 1 == expected.count || expected[k].score - expected[k + 1].score > 1e-9)
          if separated { #expect(g.labels == expected[k].labels, "L=\(L) T=\(T) mask \(m) rank \(k)") }
        }
        Self.checkWellFormed(got, scores: scores, transition: transition, labelCount: L, mask: mask)
      }
    }
  }

  /// Every result allowed, scored as returned, distinct from the others, best first.
  static func checkWellFormed(
    _ got: [(labels: [Int], score: Double)], scores: [Double], transition: [Double], labelCount L: Int,
    mask: TransitionMask?, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let all = bruteForce(scores: scores, transition: transition, labelCount: L, mask: mask)
    for g in got {
      let match = all.first { $0.labels == g.labels }
      #expect(match != nil, "\(g.labels) not allowed", sourceLocation: sourceLocation)
      if let match { #expect(abs(match.score - g.score) < 1e-9, sourceLocation: sourceLocation) }
    }
    #expect(Set(got.map(\.labels)).count == got.count, "duplicates", sourceLocation: sourceLocation)
    #expect(zip(got, got.dropFirst()).allSatisfy { $0.score >= $1.score }, sourceLocation: sourceLocation)
  }

  @Test(arguments: 3...5)
  func tiesInTheDocumentedOrder(_ L: Int) {
    for T in 1...5 {
      for (m, mask) in Self.masks(L).enumerated() {
        let (scores, transition) = Self.fixture(labels: L, length: T, seed: UInt64(7 + 100 * L + 10 * T + m), integers: true)
        let expected = Self.bruteForce(scores: scores, transition: transition, labelCount: L, mask: mask)
        let got = NBest.decode(scores: scores, transition: transition, labelCount: L, mask: mask, n: expected.count + 3)
        #expect(got.map(\.labels) == expected.map(\.labels), "L=\(L) T=\(T) mask \(m)")
        #expect(got.map(\.score) == expected.map(\.score), "L=\(L) T=\(T) mask \(m)")
      }
    }
  }

  @Test func firstResultIsViterbis() {
    for seed in UInt64(0)..<60 {
      let L = 3 + Int(seed % 3)
      let T = 1 + Int(seed % 7)
      let (scores, transition) = Self.fixture(labels: L, length: T, seed: seed, integers: seed % 2 == 0)
      for mask in Self.masks(L) {
        let v = Viterbi.decode(scores: scores, transition: transition, labelCount: L, mask: mask)
        for n in [1, 3] {
          let first = NBest.decode(scores: scores, transition: transition, labelCount: L, mask: mask, n: n).first
          #expect(first?.labels == v.labels && first?.score == v.score, "seed \(seed) n=\(n)")
        }
      }
    }
  }

  @Test func largeNGivesEverySequence() {
    let (scores, transition) = Self.fixture(labels: 3, length: 4, seed: 5)
    let got = NBest.decode(scores: scores, transition: transition, labelCount: 3, n: 1_000_000)
    #expect(got.count == 81)
    Self.checkWellFormed(got, scores: scores, transition: transition, labelCount: 3, mask: nil)
    let masked = TransitionMask(labels: ["O", "B-PER", "I-PER"], scheme: .iob2)
    let allowed = NBest.decode(scores: scores, transition: transition, labelCount: 3, mask: masked, n: Int.max)
    #expect(allowed.count == Self.bruteForce(scores: scores, transition: transition, labelCount: 3, mask: masked).count)
    #expect(!allowed.contains { $0.labels.first == 2 || zip($0.labels, $0.labels.dropFirst()).contains { $0 == (0, 2) } })
  }

  @Test func emptyInputAndNothingAllowed() {
    let transition = [Double](repeating: 0, count: 9)
    let empty = NBest.decode(scores: [], transition: transition, labelCount: 3, n: 5)
    #expect(empty.count == 1 && empty[0].labels.isEmpty && empty[0].score == 0)
    #expect(NBest.decode(scores: [1, 2, 3], transition: transition, labelCount: 3, n: 0).isEmpty)
    // IOBES with only B and I: every sequence starts or ends wrongly.
    let mask = TransitionMask(labels: ["B-PER", "I-PER"], scheme: .iobes)
    #expect(NBest.decode(scores: [1, 2, 3, 4], transition: [0, 0, 0, 0], labelCount: 2, mask: mask, n: 3).isEmpty)
    #expect(Viterbi.decode(scores: [1, 2, 3, 4], transition: [0, 0, 0, 0], labelCount: 2, mask: mask).labels.isEmpty)
  }

  @Test func minusInfinityRulesOut() {
    // Label 1 impossible at t = 1, and the transition 2 → 0 forbidden by its weight.
    let scores: [Double] = [0, 1, 2, 0, -.infinity, 1, 3, 0, 0]
    var transition = [Double](repeating: 0, count: 9)
    transition[2 * 3 + 0] = -.infinity
    let got = NBest.decode(scores: scores, transition: transition, labelCount: 3, n: 100)
    #expect(got.count == 27 - 9 - 6)  // minus those through label 1 at t = 1 and through 2 → 0
    #expect(got.allSatisfy { $0.score.isFinite && $0.labels[1] != 1 })
    #expect(!got.contains { zip($0.labels, $0.labels.dropFirst()).contains { $0 == (2, 0) } })
    Self.checkWellFormed(got, scores: scores, transition: transition, labelCount: 3, mask: nil)
  }

  @Test func handWorkedExample() {
    // Two labels, two tokens, no transitions: scores add per position.
    let got = NBest.decode(scores: [1, 0, 0, 2], transition: [0, 0, 0, 0], labelCount: 2, n: 3)
    #expect(got.map(\.labels) == [[0, 1], [1, 1], [0, 0]])
    #expect(got.map(\.score) == [3, 2, 1])
  }
}
