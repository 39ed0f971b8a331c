import Foundation
import Testing

@testable import NERKit

/// The sparse CRF (state features only for some attribute-label pairs), entity
/// probabilities, and the corpus and feature-set plumbing of ner-tag.
struct SparseCRFTests {
  /// A sparse model: attribute `a` has features for the labels `y` with (a + y) % 3 != 0.
  static func sparseFixture(seed: UInt64 = 5) -> (CRFModel, AttributeSequence) {
    var rng = SplitMix64(seed: seed)
    func uniform() -> Double { Double(rng.next() % 1_000_000) / 1_000_000 * 2 - 1 }
    let L = 4, A = 7
    var model = CRFModel(labelCount: L, attributeCount: A) { a in (0..<L).filter { ($0 + a) % 3 != 0 } }
    model.weights = (0..<model.weightCount).map { _ in uniform() }
    var x = AttributeSequence()
    for _ in 0..<5 {
      var attrs: [(id: Int, value: Double)] = []
      for a in 0..<A where rng.next() % 2 == 0 { attrs.append((a, a == 2 ? 1.5 : 1)) }
      x.append(attrs)
    }
    return (model, x)
  }

  @Test func sparseLayoutAndScores() {
    let (model, x) = Self.sparseFixture()
    #expect(model.featureStart.count == 8)
    #expect(model.feature(0, 0) == nil && model.feature(0, 1) != nil)
    // Scores equal the sum over attributes of the weights they have.
    let s = model.stateScores(x)
    for t in 0..<x.count {
      for y in 0..<4 {
        var expected = 0.0
        for k in x.range(t) { expected += x.value(k) * model.weight(Int(x.ids[k]), y) }
        #expect(abs(s[t * 4 + y] - expected) < 1e-12)
      }
    }
  }

  @Test func sparseGradientMatchesFiniteDifferences() {
    let (model, x) = Self.sparseFixture(seed: 9)
    CRFTests.expectLogLikelihoodGradient(model, x, labels: [1, 2, 2, 0, 3], weight: 1.3)
  }

  @Test func entityProbabilityMatchesBruteForce() {
    // Labels: O, B-PER, I-PER, B-LOC, I-LOC.
    for seed in 1...6 as ClosedRange<UInt64> {
      let (model, x) = CRFTests.fixture(labels: 5, attributes: 6, length: 5, seed: seed, scale: 2)
      let lattice = Lattice(stateScores: model.stateScores(x), transition: model.transition, labelCount: 5)
      let all = CRFTests.allSequences(5, 5)
      let scores = all.map { model.score(x, labels: $0) }
      let logZ = CRFTests.logSumExp(scores)
      // An entity B-PER I-PER at 1..<3, ended when position 3 is not I-PER.
      let path = [0, 1, 2, 0, 0]
      let span = Span(start: 1, end: 3, type: "PER")
      let p = SequenceTagger.spanProbability(lattice, labels: path, span: span, continuing: [2])
      let brute = zip(all, scores).filter { $0.0[1] == 1 && $0.0[2] == 2 && $0.0[3] != 2 }.map { exp($0.1 - logZ) }.reduce(0, +)
      #expect(abs(p - brute) < 1e-9, "seed \(seed): \(p) vs \(brute)")
      // A one-token entity at the end of the sentence.
      let last = SequenceTagger.spanProbability(lattice, labels: [0, 0, 0, 0, 3], span: Span(start: 4, end: 5, type: "LOC"), continuing: [4])
      let bruteLast = zip(all, scores).filter { $0.0[4] == 3 }.map { exp($0.1 - logZ) }.reduce(0, +)
      #expect(abs(last - bruteLast) < 1e-9)
    }
  }

  @Test func corpusDetectsTheSchemeAndConvertsLabels() throws {
    func sentence(_ tags: [String]) -> Sentence {
      var s = Sentence()
      s.columns = [Column(key: "tokens", values: tags.indices.map { "w\($0)" }), Column(key: "tags", values: tags)]
      s.tagColumn = 1
      return s
    }
    var iob2 = LabelledCorpus(trainingScheme: nil)
    try iob2.add(sentence(["B-PER", "I-PER", "O"]), language: "es", weight: 1)
    #expect(iob2.inputScheme == .iob2)
    // A stray entity opened by I- (annotation noise) does not make IOB2 data IOB1.
    try iob2.add(sentence(["O", "I-LOC", "O", "B-ORG"]), language: "es", weight: 1)
    try iob2.add(sentence(["B-LOC", "O"]), language: "es", weight: 1)
    #expect(iob2.inputScheme == .iob2)
    var iob1 = LabelledCorpus(trainingScheme: .iobes)
    try iob1.add(sentence(["I-PER", "I-PER", "O", "I-LOC"]), language: nil, weight: 1)
    #expect(iob1.inputScheme == .iob1)
    #expect(iob1.labels == ["B-PER", "E-PER", "O", "S-LOC"])
    #expect(iob1.metadata.contains { $0 == ("scheme", "iobes") } && iob1.metadata.contains { $0 == ("input-scheme", "iob1") })
    var missing = LabelledCorpus(trainingScheme: nil)
    var untagged = Sentence()
    untagged.columns = [Column(key: "tokens", values: ["a"])]
    untagged.line = 7
    #expect(throws: DataError.self) { try missing.add(untagged, language: nil, weight: 1) }
  }

  @Test func featureSetsReadTheirColumnsAndLanguage() throws {
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: ["Київ"]), Column(key: "roman", values: ["Kyiv"]), Column(key: "tags", values: ["B-LOC"])]
    s.tagColumn = 2
    let roman = try FeatureSet(tokenColumn: "roman", languageFeatures: true)
    let f = try roman.features(s, language: "uk")
    #expect(f[0].contains("w[0]=Kyiv") && f[0].contains("uk|w[0]=Kyiv") && !f[0].contains("w[0]=Київ"))
    #expect(try FeatureSet(tokenColumn: "2").features(s, language: nil)[0].contains("w[0]=Kyiv"))
    #expect(throws: DataError.self) { try FeatureSet(tokenColumn: "pos").features(s, language: nil) }
    let template = try FeatureSet(templateText: "U0:%x[0,0]/%x[0,1]\n")
    #expect(try template.features(s, language: nil) == [["U0:Київ/Kyiv"]])
    // The metadata gives back the same feature set.
    var fields = ModelFields(roman.metadata)
    #expect(try FeatureSet(fields: &fields).features(s, language: "uk") == f)
    try fields.finish()
    // --language-word-features: recorded in the metadata, word features only conjoined.
    let conjoined = try FeatureSet(tokenColumn: "roman", languageFeatures: true, sharedWordFeatures: false)
    let g = try conjoined.features(s, language: "uk")
    #expect(g[0].contains("uk|w[0]=Kyiv") && !g[0].contains("w[0]=Kyiv") && g[0].contains("p1[0]=K"))
    var saved = ModelFields(conjoined.metadata)
    #expect(try FeatureSet(fields: &saved).features(s, language: "uk") == g)
    #expect(!roman.metadata.contains { $0.0 == "shared-word-features" })
  }
}
