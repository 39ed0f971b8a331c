import Foundation
import Testing

@testable import NERKit

/// Procrustes, CSLS and nearest-neighbour retrieval, dictionary induction and precision@k
/// on small random embeddings, against brute force.
struct EmbeddingAlignmentTests {
  @Test func wordEmbeddingsBasics() {
    var e = WordEmbeddings(words: ["a", "b", "a", "c"], dimension: 2, vectors: [3, 4, 1, 1, 9, 9, 0, 0])
    #expect(e.words == ["a", "b", "c"] && e.vectors == [3, 4, 1, 1, 0, 0])
    #expect(e.prefix(2).words == ["a", "b"] && e.prefix(2).index(of: "c") == nil)
    e.normalize()
    #expect(e.vector(at: 0) == [0.6, 0.8] && e.vector(for: "c") == [0, 0])
    let c = WordEmbeddings(words: ["x", "y"], dimension: 2, vectors: [1, 2, 3, 6]).centered()
    #expect(c.vectors == [-1, -2, 1, 2])
  }

  /// A rotated copy of random vectors: Procrustes on all pairs recovers the rotation.
  @Test func procrustesRecoversARotation() {
    let d = 20
    let source = EmbeddingTestData.random(rows: 300, dimension: d, seed: 1)
    let w = EmbeddingTestData.rotation(dimension: d, seed: 2)
    let target = EmbeddingTestData.rotate(source, by: w)
    let pairs = (0..<100).map { IndexPair(source: $0, target: $0) }
    let mapping = Procrustes.fit(source: source, target: target, pairs: pairs)
    #expect(zip(mapping.weights, w).allSatisfy { abs($0 - $1) < 1e-5 })
    let mapped = mapping.apply(to: source)
    #expect(zip(mapped.vectors, target.vectors).allSatisfy { abs($0 - $1) < 1e-5 })
    #expect(zip(mapping.apply(source.vector(at: 7)), target.vector(at: 7)).allSatisfy { abs($0 - $1) < 1e-5 })
    // W is orthogonal: W Wᵀ = I.
    for i in 0..<d {
      for j in 0..<d {
        let dot = (0..<d).reduce(Float(0)) { $0 + mapping.weights[i * d + $1] * mapping.weights[j * d + $1] }
        #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
      }
    }
  }

  /// Brute-force cosine, r terms and CSLS, in Double.
  struct BruteForce {
    var cos: [[Double]]
    var rT: [Double], rS: [Double]

    init(_ s: WordEmbeddings, _ t: WordEmbeddings, k: Int) {
      let d = s.dimension
      cos = (0..<s.count).map { i in
        (0..<t.count).map { j in (0..<d).reduce(0.0) { $0 + Double(s.vectors[i * d + $1]) * Double(t.vectors[j * d + $1]) } }
      }
      let cos = cos
      rT = cos.map { row in row.sorted(by: >).prefix(k).reduce(0, +) / Double(min(k, row.count)) }
      rS = (0..<t.count).map { j in
        let column = cos.map { $0[j] }
        return column.sorted(by: >).prefix(k).reduce(0, +) / Double(min(k, column.count))
      }
    }

    func csls(_ i: Int, _ j: Int) -> Double { 2 * cos[i][j] - rT[i] - rS[j] }
  }

  @Test(arguments: [1, 3, 10])
  func cslsAgainstBruteForce(k: Int) {
    let s = EmbeddingTestData.random(rows: 150, dimension: 16, seed: 11).normalized()
    let t = EmbeddingTestData.random(rows: 170, dimension: 16, seed: 12).normalized()
    let brute = BruteForce(s, t, k: k)
    let retrieval = NeighbourRetrieval(source: s, target: t, method: .csls(k: k), threads: 2)
    #expect(zip(retrieval.targetMeanSimilarity, brute.rS).allSatisfy { abs(Double($0) - $1) < 1e-5 })
    let rT = NeighbourRetrieval.meanNearestSimilarity(of: s, among: t, k: k)
    #expect(zip(rT, brute.rT).allSatisfy { abs(Double($0) - $1) < 1e-5 })
    let queries = Array((0..<s.count).reversed())
    let (found, queryMeans) = retrieval.search(queries, count: 5)
    // Not bit-identical: a row's dot products may differ in the last bit with its place
    // in an sgemm block.
    #expect(zip(queryMeans, queries.map { rT[$0] }).allSatisfy { abs($0 - $1) < 1e-6 })
    for (r, i) in queries.enumerated() {
      let expected = (0..<t.count).sorted { brute.csls(i, $0) > brute.csls(i, $1) }.prefix(5)
      #expect(found[r].map(\.index) == Array(expected), "source \(i)")
      for n in found[r] { #expect(abs(Double(n.score) - brute.csls(i, n.index)) < 1e-5) }
    }
    #expect(abs(Double(retrieval.score(source: 4, target: 9)) - brute.csls(4, 9)) < 1e-5)
  }

  @Test func nearestNeighboursAgainstBruteForce() {
    let s = EmbeddingTestData.random(rows: 90, dimension: 8, seed: 21).normalized()
    let t = EmbeddingTestData.random(rows: 4000, dimension: 8, seed: 22).normalized()
    let brute = BruteForce(s, t, k: 1)
    let found = NeighbourRetrieval(source: s, target: t, method: .nearestNeighbour).nearest(Array(0..<s.count), count: 3)
    for i in 0..<s.count {
      let expected = (0..<t.count).sorted { brute.cos[i][$0] > brute.cos[i][$1] }.prefix(3)
      #expect(found[i].map(\.index) == Array(expected))
    }
  }

  @Test func tiesGoToTheLowerIndexAndShortTargets() {
    let s = WordEmbeddings(words: ["q"], dimension: 2, vectors: [1, 0])
    let t = WordEmbeddings(words: ["a", "b", "c"], dimension: 2, vectors: [0, 1, 1, 0, 1, 0])
    let nn = NeighbourRetrieval(source: s, target: t, method: .nearestNeighbour).nearest([0], count: 5)
    #expect(nn == [[Neighbour(index: 1, score: 1), Neighbour(index: 2, score: 1), Neighbour(index: 0, score: 0)]])
  }

  /// Results do not depend on the thread count (block boundaries are fixed).
  @Test func sameBitsOnAnyThreadCount() {
    let s = EmbeddingTestData.random(rows: 3000, dimension: 24, seed: 31).normalized()
    let t = EmbeddingTestData.random(rows: 2500, dimension: 24, seed: 32).normalized()
    let runs = [1, 2, 4].map { threads in
      let r = NeighbourRetrieval(source: s, target: t, method: .csls(k: 10), threads: threads)
      return (r.targetMeanSimilarity, r.nearest(Array(0..<s.count), count: 2))
    }
    for run in runs.dropFirst() {
      #expect(run.0 == runs[0].0 && run.1 == runs[0].1)
    }
  }

  @Test func retrievalMethodNames() {
    #expect(RetrievalMethod(museName: "nn") == .nearestNeighbour)
    #expect(RetrievalMethod(museName: "csls_knn_10") == .csls(k: 10))
    #expect(RetrievalMethod(museName: "csls_knn_0") == nil && RetrievalMethod(museName: "csls") == nil)
    #expect(RetrievalMethod.csls(k: 5).description == "csls_knn_5")
  }

  /// Rotated, shuffled copy with noise: identical-string seed of a few words, then
  /// refinement finds the whole permutation.
  @Test func inductionOnARotatedCopyRecoversTheDictionary() {
    let d = 32, n = 400
    let source = EmbeddingTestData.random(rows: n, dimension: d, seed: 41)
    let w = EmbeddingTestData.rotation(dimension: d, seed: 42)
    // Target row j holds source row perm[j], rotated, under the name "t<perm[j]>".
    var rng = SplitMix64(seed: 43)
    let perm = Array(0..<n).shuffled(using: &rng)
    let rotated = EmbeddingTestData.rotate(source, by: w)
    var vectors: [Float] = []
    for j in 0..<n { vectors += rotated.vector(at: perm[j]).map { $0 + Float.random(in: -0.01..<0.01, using: &rng) } }
    let target = WordEmbeddings(words: perm.map { $0 < 40 ? "w\($0)" : "t\($0)" }, dimension: d, vectors: vectors)
    let seed = IndexDictionary.identicalStrings(source: source, target: target)
    #expect(seed.pairs.count == 40 && seed.pairs.map(\.source) == Array(0..<40))
    let gold = Dictionary(uniqueKeysWithValues: (0..<n).map { j in (perm[j], j) })
    for method in [RetrievalMethod.nearestNeighbour, .csls(k: 10)] {
      let refinement = ProcrustesRefinement(rounds: 3, induction: DictionaryInduction(method: method, maxRank: 0))
      let rounds = refinement.run(source: source, target: target, seed: seed.pairs)
      #expect(rounds.count == 3 && rounds[0].pairs == seed.pairs)
      let induced = rounds.last!.pairs
      #expect(induced.count == n)
      #expect(induced.allSatisfy { gold[$0.source] == $0.target })
      let mapped = rounds.last!.mapping.apply(to: source)
      let entries = DictionaryInduction(method: method, build: .sourceToTarget, maxRank: 0).induce(source: mapped, target: target)
      #expect(entries.count == n && zip(entries, entries.dropFirst()).allSatisfy { $0.margin >= $1.margin })
    }
  }

  /// The held-out split: every 10th distinct source word of the seed with all its pairs;
  /// nothing with one round or with fewer than 20 words to hold out.
  @Test func heldOutSplitTakesEveryTenthSourceWord() {
    let seed = (0..<400).flatMap { s in [IndexPair(source: 1000 - s, target: s), IndexPair(source: 1000 - s, target: s + 1)] }
    var refinement = ProcrustesRefinement(rounds: 3)
    refinement.holdOut = 10
    let (fit, heldOut) = refinement.split(seed)
    #expect(heldOut.count == 80 && fit.count == 720)
    #expect(Set(heldOut.map(\.source)) == Set((0..<40).map { 1000 - (10 * $0 + 9) }))
    #expect(Set(fit.map(\.source)).isDisjoint(with: heldOut.map(\.source)))
    #expect(refinement.split(Array(seed.prefix(398))).heldOut.isEmpty)  // 199 words: 19 to hold out
    refinement.rounds = 1
    #expect(refinement.split(seed).heldOut.isEmpty)
  }

  /// With held-out words the round is chosen by their precision, not by the criterion; a
  /// first round kept is solved again on the whole seed.
  @Test func heldOutPrecisionChoosesTheRound() {
    let d = 16, n = 400
    let source = EmbeddingTestData.random(rows: n, dimension: d, seed: 51)
    let target = EmbeddingTestData.rotate(source, by: EmbeddingTestData.rotation(dimension: d, seed: 52))
    let seed = (0..<300).map { IndexPair(source: $0, target: $0) }
    var refinement = ProcrustesRefinement(rounds: 3, induction: DictionaryInduction(maxRank: 0), criterion: UnsupervisedCriterion(words: 300))
    refinement.holdOut = 10
    let rounds = refinement.run(source: source, target: target, seed: seed)
    #expect(rounds.count == 3 && rounds.allSatisfy { $0.heldOut == 100 && $0.criterion != nil })
    #expect(rounds[0].pairs == seed && rounds[0].mapping == Procrustes.fit(source: source, target: target, pairs: seed))
    #expect(ProcrustesRefinement.best(rounds).mapping == rounds[0].mapping)
    let m = LinearMapping.identity(dimension: 2)
    let scored = [
      ProcrustesRefinement.Round(pairs: [], mapping: m, criterion: 0.9, heldOut: 5),
      ProcrustesRefinement.Round(pairs: [IndexPair(source: 0, target: 0)], mapping: m, criterion: 0.5, heldOut: 7),
      ProcrustesRefinement.Round(pairs: [], mapping: m, criterion: 0.95, heldOut: 7),
    ]
    #expect(ProcrustesRefinement.best(scored).pairs.count == 1)
    let unscored = scored.map { ProcrustesRefinement.Round(pairs: $0.pairs, mapping: $0.mapping, criterion: $0.criterion) }
    #expect(ProcrustesRefinement.best(unscored).criterion == 0.95)
  }

  /// MUSE's rank filter: a candidate whose best row is beyond maxRank is dropped, not
  /// replaced.
  @Test func inductionMaxRankFiltersCandidates() {
    let s = WordEmbeddings(words: ["a", "b", "c"], dimension: 2, vectors: [1, 0, 0, 1, 1, 1])
    let t = WordEmbeddings(words: ["x", "y", "z", "u"], dimension: 2, vectors: [0, 1, 0.9, 0.1, -1, 0, 1, 0])
    let all = DictionaryInduction(method: .nearestNeighbour, build: .sourceToTarget, maxRank: 0).induce(source: s, target: t)
    #expect(Set(all.map(\.pair)) == [IndexPair(source: 0, target: 3), IndexPair(source: 1, target: 0), IndexPair(source: 2, target: 1)])
    let ranked = DictionaryInduction(method: .nearestNeighbour, build: .sourceToTarget, maxRank: 2).induce(source: s, target: t)
    #expect(ranked.map(\.pair) == [IndexPair(source: 1, target: 0)])
    let mutual = DictionaryInduction(method: .nearestNeighbour, build: .mutual, maxRank: 0).induce(source: s, target: t)
    #expect(Set(mutual.map(\.pair)) == [IndexPair(source: 0, target: 3), IndexPair(source: 1, target: 0)])
  }

  /// --search-rank: candidates come from the first rows only; a query whose best match
  /// lies past them gets its best match among them (here "a", whose best is "u", row 3).
  @Test func inductionSearchRankSearchesTheFirstRows() {
    let s = WordEmbeddings(words: ["a", "b", "c"], dimension: 2, vectors: [1, 0, 0, 1, 1, 1])
    let t = WordEmbeddings(words: ["x", "y", "z", "u"], dimension: 2, vectors: [0, 1, 0.9, 0.1, -1, 0, 1, 0])
    var searched = DictionaryInduction(method: .nearestNeighbour, build: .sourceToTarget, maxRank: 0)
    searched.searchRank = 3
    let pairs = Set(searched.induce(source: s, target: t).map(\.pair))
    #expect(pairs == [IndexPair(source: 0, target: 1), IndexPair(source: 1, target: 0), IndexPair(source: 2, target: 1)])
    for method in [RetrievalMethod.nearestNeighbour, .csls(k: 2)] {
      var a = DictionaryInduction(method: method, maxRank: 0)
      a.searchRank = 2
      let b = DictionaryInduction(method: method, maxRank: 0)
      #expect(a.induce(source: s, target: t) == b.induce(source: s.prefix(2), target: t.prefix(2)))
    }
  }

  @Test func dictionaryParsing() throws {
    let s = WordEmbeddings(words: ["the", "cat", "dog"], dimension: 1, vectors: [1, 2, 3])
    let t = WordEmbeddings(words: ["el", "gato", "perro"], dimension: 1, vectors: [1, 2, 3])
    let dico = try IndexDictionary(parsing: "dog perro\ncat gato\r\n\nthe la\nthe el\nfish pez\ncat\tmichi\n", source: s, target: t)
    #expect(dico.pairs == [IndexPair(source: 0, target: 0), IndexPair(source: 1, target: 1), IndexPair(source: 2, target: 2)])
    #expect(dico.pairsRead == 6 && dico.missingSource == 1 && dico.missingTarget == 3 && dico.sourceCount == 3)
    #expect(throws: DataError(line: 2, "expected 'source target', two words, found 3 fields")) {
      try IndexDictionary(parsing: "a b\na b c\n", source: s, target: t)
    }
  }

  @Test func precisionAtK() {
    // Targets on the unit circle; source i points at target i exactly, so nn ranks
    // target i first, then its neighbours on the circle.
    let n = 12
    let angles = (0..<n).map { 2 * Double.pi * Double($0) / Double(n) }
    let t = WordEmbeddings(words: (0..<n).map { "t\($0)" }, dimension: 2, vectors: angles.flatMap { [Float(cos($0)), Float(sin($0))] })
    let s = WordEmbeddings(words: (0..<n).map { "s\($0)" }, dimension: 2, vectors: t.vectors)
    let pairs = [
      IndexPair(source: 0, target: 0),  // hit at 1
      IndexPair(source: 1, target: 3), IndexPair(source: 1, target: 7),  // rank of 3 is 3 (1, 0|2 tie, 2): hit at 5
      IndexPair(source: 2, target: 8),  // opposite: rank 12, a miss at 10
      IndexPair(source: 4, target: 5), IndexPair(source: 4, target: 4),  // hit at 1 through its second gold
    ]
    let result = TranslationAccuracy.evaluate(source: s, target: t, dictionary: pairs, method: .nearestNeighbour)
    #expect(result.covered == 4 && result.ks == [1, 5, 10] && result.hits == [2, 3, 3])
    #expect(result.precision(at: 1) == 50 && result.precision(at: 5) == 75 && result.precision(at: 2) == 0)
  }
}
