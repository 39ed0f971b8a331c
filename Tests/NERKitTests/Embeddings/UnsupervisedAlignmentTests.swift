import Foundation
import Testing

@testable import NERKit

/// Adversarial and similarity-based alignment without a dictionary, the unsupervised
/// criterion, and refinement that keeps its best round.
struct UnsupervisedAlignmentTests {
  /// Word-vector-like data: a few hundred directions (topics) with decaying weights, each
  /// word a mix of two topics plus noise, so that the cloud has structure a rotation
  /// does not keep.
  static func structured(rows: Int, dimension d: Int, seed: UInt64) -> WordEmbeddings {
    var rng = SeededRandom(seed: seed)
    let topics = (0..<40).map { t in (0..<d).map { j in rng.uniform(1) * Float(1 + (j + t) % 3) } }
    var values: [Float] = []
    for _ in 0..<rows {
      let a = Int(rng.next() % 40), b = Int(rng.next() % 40), m = rng.unit()
      for j in 0..<d { values.append(m * topics[a][j] + (1 - m) * topics[b][j] * 0.5 + rng.uniform(0.3)) }
    }
    return WordEmbeddings(words: (0..<rows).map { "w\($0)" }, dimension: d, vectors: values)
  }

  /// The source and its rotation plus small noise, rows in the same order; the rotation
  /// random, or `angle` away from the identity (the orthogonal factor of I + angle·R).
  static func rotatedPair(rows: Int, dimension d: Int, angle: Double? = nil) -> (WordEmbeddings, WordEmbeddings) {
    let source = structured(rows: rows, dimension: d, seed: 5)
    var rotation = EmbeddingTestData.rotation(dimension: d, seed: 6)
    if let angle {
      var rng = SeededRandom(seed: 8)
      let m = (0..<(d * d)).map { (($0 % (d + 1)) == 0 ? 1 : 0) + angle * Double(rng.uniform(1)) }
      rotation = Procrustes.orthogonalFactor(m, dimension: d).map(Float.init)
    }
    var target = EmbeddingTestData.rotate(source, by: rotation)
    var rng = SeededRandom(seed: 7)
    target = WordEmbeddings(words: target.words, dimension: d, vectors: target.vectors.map { $0 + rng.uniform(0.01) })
    return (source, target)
  }

  static func precisionAt1(_ mapping: LinearMapping, _ source: WordEmbeddings, _ target: WordEmbeddings) -> Double {
    let gold = (0..<source.count).map { IndexPair(source: $0, target: $0) }
    return TranslationAccuracy.evaluate(
      source: mapping.apply(to: source), target: target, dictionary: gold, method: .csls(k: 10), ks: [1]
    ).precision(at: 1)
  }

  /// A small discriminator, a batch with a dropout mask, and the loss as a function.
  struct Fixture {
    var discriminator: Discriminator
    var mapping: [Float]
    var batch: AdversarialBatch

    init(layers: Int) {
      var rng = SeededRandom(seed: 11)
      discriminator = Discriminator(dimension: 4, hidden: 5, layers: layers, slope: 0.2, random: &rng)
      mapping = (0..<16).map { _ in rng.uniform(1) }
      batch = AdversarialBatch(rows: 3, dimension: 4)
      batch.source = (0..<12).map { _ in rng.uniform(1) }
      batch.target = (0..<12).map { _ in rng.uniform(1) }
      batch.mask = (0..<24).map { _ in rng.unit() < 0.2 ? 0 : 1.25 }
    }

    func loss(gradients: Bool = false) -> (Double, [Float], [Float]) {
      var gD = [Float](repeating: 0, count: discriminator.parameters.count)
      var gW: [Float]? = [Float](repeating: 0, count: 16)
      let l = AdversarialAlignment.batchLoss(
        discriminator: discriminator, mapping: mapping, batch: batch, sourceLabel: 0.9,
        discriminatorGradient: &gD, mappingGradient: &gW)
      return (l, gD, gW!)
    }
  }

  /// Discriminator and mapping gradients against central finite differences.
  @Test(arguments: [0, 1, 2])
  func gradientsMatchFiniteDifferences(layers: Int) {
    var f = Fixture(layers: layers)
    let (_, gD, gW) = f.loss()
    let h: Float = 1e-3
    func check(_ analytic: Float, _ plus: Double, _ minus: Double, _ what: String) {
      let numeric = (plus - minus) / Double(2 * h)
      #expect(abs(numeric - Double(analytic)) < 1e-3 + 0.03 * abs(numeric), "\(what): \(analytic) vs \(numeric)")
    }
    for i in f.discriminator.parameters.indices {
      let keep = f.discriminator.parameters[i]
      f.discriminator.parameters[i] = keep + h
      let plus = f.loss().0
      f.discriminator.parameters[i] = keep - h
      let minus = f.loss().0
      f.discriminator.parameters[i] = keep
      check(gD[i], plus, minus, "discriminator \(i)")
    }
    for i in f.mapping.indices {
      let keep = f.mapping[i]
      f.mapping[i] = keep + h
      let plus = f.loss().0
      f.mapping[i] = keep - h
      let minus = f.loss().0
      f.mapping[i] = keep
      check(gW[i], plus, minus, "mapping \(i)")
    }
  }

  /// The orthogonalization step brings a perturbed rotation back towards W Wᵀ = I.
  @Test func orthogonalizationShrinksTheDefect() {
    let d = 6
    var rng = SeededRandom(seed: 3)
    var w = EmbeddingTestData.rotation(dimension: d, seed: 4).map { $0 + rng.uniform(0.05) }
    func defect(_ w: [Float]) -> Float {
      var worst: Float = 0
      for i in 0..<d {
        for j in 0..<d {
          let dot = (0..<d).reduce(Float(0)) { $0 + w[i * d + $1] * w[j * d + $1] }
          worst = max(worst, abs(dot - (i == j ? 1 : 0)))
        }
      }
      return worst
    }
    let before = defect(w)
    for _ in 0..<200 { AdversarialAlignment.orthogonalize(&w, dimension: d, beta: 0.01) }
    #expect(defect(w) < before / 4)
  }

  /// The criterion is high for the right mapping and low for a wrong one.
  @Test func criterionPrefersTheRightMapping() {
    let (source, target) = Self.rotatedPair(rows: 400, dimension: 12)
    let right = Procrustes.fit(source: source, target: target, pairs: (0..<400).map { IndexPair(source: $0, target: $0) })
    let criterion = UnsupervisedCriterion(words: 300, k: 10, threads: 2)
    let good = criterion.evaluate(right, source: source, target: target)
    let bad = criterion.evaluate(LinearMapping.identity(dimension: 12), source: source, target: target)
    #expect(good > 0.95 && good > bad + 0.2, "\(good) vs \(bad)")
  }

  /// Refinement from a poor start with a criterion keeps its best round, never worse by
  /// the criterion than the start.
  @Test func refinementKeepsTheBestRound() {
    let (source, target) = Self.rotatedPair(rows: 400, dimension: 12)
    var refinement = ProcrustesRefinement(rounds: 3, induction: DictionaryInduction(maxRank: 0))
    refinement.criterion = UnsupervisedCriterion(words: 300)
    let rounds = refinement.run(source: source, target: target, start: LinearMapping.identity(dimension: 12))
    let best = ProcrustesRefinement.best(rounds)
    #expect(rounds.count == 4 && rounds[0].pairs.isEmpty)
    #expect(rounds.allSatisfy { $0.criterion! <= best.criterion! })
    #expect(best.criterion! >= rounds[0].criterion!)
  }

  /// VecMap's initialization recovers a rotation with no dictionary.
  @Test func similarityInitializationRecoversARotation() {
    let (source, target) = Self.rotatedPair(rows: 600, dimension: 16)
    var initialization = SimilarityInitialization()
    initialization.words = 500
    initialization.patience = 3
    let mapping = initialization.train(source: source, target: target)
    #expect(Self.precisionAt1(mapping, source, target) >= 95)
  }

  /// Adversarial training, then refinement, recovers a rotation some way from the
  /// identity with no dictionary (where the identity alone, refined, does not).
  @Test func adversarialRecoversARotation() {
    let (source, target) = Self.rotatedPair(rows: 600, dimension: 16, angle: 0.6)
    let identity = Self.precisionAt1(LinearMapping.identity(dimension: 16), source, target)
    var trainer = AdversarialAlignment()
    trainer.hidden = 64
    trainer.epochs = 3
    trainer.epochSize = 20_000
    trainer.criterion = UnsupervisedCriterion(words: 500)
    let (start, epochs) = trainer.train(source: source, target: target)
    #expect(epochs.count == 3)
    #expect(Self.precisionAt1(start, source, target) > identity + 10, "identity \(identity)")
    var refinement = ProcrustesRefinement(rounds: 3, induction: DictionaryInduction(maxRank: 0))
    refinement.criterion = trainer.criterion
    let best = ProcrustesRefinement.best(refinement.run(source: source, target: target, start: start))
    #expect(Self.precisionAt1(best.mapping, source, target) >= 95, "criterion per epoch \(epochs.map(\.criterion))")
  }
}
