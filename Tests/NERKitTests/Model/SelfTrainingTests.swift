import Testing

@testable import NERKit

/// Self-training: which pseudo-labelled sentences a round keeps (length threshold,
/// confidence), and a round of the neural CRF going on from its network.
struct SelfTrainingTests {
  static func pseudo(_ lengths: [Int], confidences: [Double]) -> [SelfTraining.PseudoLabelled] {
    zip(lengths, confidences).map { n, c in
      var s = Sentence()
      s.columns = [Column(key: "tokens", values: (0..<n).map { "w\($0)" })]
      return SelfTraining.PseudoLabelled(input: ModelInput(s, language: "xx"), labels: Array(repeating: "O", count: n), confidence: c)
    }
  }

  /// The threshold is the length of a sentence drawn at random: every length is drawn
  /// about as often, whatever the lengths (a very long sentence does not make every
  /// round keep everything).
  @Test func lengthThresholdIsTheLengthOfARandomSentence() {
    let lengths = [2, 5, 9, 14, 2000]
    let labelled = Self.pseudo(lengths, confidences: [1, 1, 1, 1, 1])
    var s = SelfTraining()
    var drawn: [Int: Int] = [:]
    for round in 1...500 {
      let (kept, threshold) = s.select(labelled, round: round)
      let l = threshold!
      #expect(lengths.contains(l))
      #expect(kept.map(\.input.count) == lengths.filter { $0 <= l })
      drawn[l, default: 0] += 1
    }
    #expect(drawn.count == 5 && drawn.values.allSatisfy { (60...140).contains($0) }, "\(drawn)")
    // The draw is the seed's and the round's.
    #expect(s.select(labelled, round: 7).threshold == s.select(labelled, round: 7).threshold)
    s.lengthThreshold = false
    #expect(s.select(labelled, round: 1).kept.count == 5 && s.select(labelled, round: 1).threshold == nil)
  }

  @Test func confidenceThreshold() {
    var s = SelfTraining()
    s.lengthThreshold = false
    s.minConfidence = 0.5
    let kept = s.select(Self.pseudo([3, 3, 3, 3], confidences: [0.2, 0.5, 0.49, 0.99]), round: 1).kept
    #expect(kept.map(\.confidence) == [0.5, 0.99])
  }

  /// Labelling gives each sentence its best labels and their probability (sentence) or
  /// the lowest entity probability (entity), the same for any number of threads.
  @Test func labellingAndConfidence() throws {
    let trained = NeuralModelFileTests.sample()
    let sentences = (0..<150).map { k -> ModelInput in
      var s = Sentence()
      s.columns = [Column(key: "tokens", values: ["Mr", "Smith", "in", "Oslo"].suffix(1 + k % 4).map { $0 })]
      return ModelInput(s, language: k % 2 == 0 ? "en" : "es")
    }
    var s = SelfTraining()
    s.threads = 1
    let one = try s.label(sentences, with: SequenceTagger(trained))
    s.threads = 3
    let three = try s.label(sentences, with: SequenceTagger(trained))
    #expect(one.map(\.labels) == three.map(\.labels) && one.map(\.confidence) == three.map(\.confidence))
    let direct = try SequenceTagger(trained).predict([sentences[5]], nbest: 1)[0].get()
    #expect(one[5].labels == direct.labels && one[5].confidence == direct.nbest[0].probability)
    #expect(one.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    s.confidence = .entity
    let entity = try s.label(sentences, with: SequenceTagger(trained))
    let spans = try SequenceTagger(trained).predict([sentences[5]], spans: true)[0].get().spans
    #expect(entity[5].confidence == (spans.map(\.probability).min() ?? direct.nbest[0].probability))
  }

  /// With a token confidence, labelling gives each label's marginal probability, and the
  /// labels below it are free: they reach the neural trainer as -1 and the linear
  /// trainer's set as -1, the confident ones as labels.
  @Test func uncertainLabelsAreLeftFree() throws {
    let trained = NeuralModelFileTests.sample()
    var s = SelfTraining()
    s.minTokenConfidence = 0.6
    var sentence = Sentence()
    sentence.columns = [Column(key: "tokens", values: ["Mr", "Smith", "in", "Oslo", "Lima"])]
    let input = ModelInput(sentence, language: "en")
    let p = try s.label([input], with: SequenceTagger(trained))[0]
    let direct = try SequenceTagger(trained).predict([input], marginals: true)[0].get()
    #expect(p.probabilities == direct.probabilities && p.probabilities.count == 5)
    let known = p.known(minimum: 0.6)!
    #expect(known == direct.probabilities.map { $0 >= 0.6 })
    #expect(p.known(minimum: 0) == nil)
    var q = p
    q.probabilities = [0.9, 0.3, 0.95, 0.59, 0.6]
    let mask = q.known(minimum: 0.6)!
    #expect(mask == [true, false, true, false, true])
    var corpus = LabelledCorpus(trainingScheme: nil)
    try corpus.add(input, labels: q.labels, weight: 1, known: mask)
    try corpus.add(input, labels: q.labels, weight: 1, known: [true, true, true, true, true])
    #expect(corpus.items[0].known == mask && corpus.items[1].known == nil)
    #expect(throws: DataError.self) { try corpus.add(input, labels: q.labels, weight: 1, known: [true]) }
    var t = NeuralModelTrainer()
    t.initial = trained.of(NeuralCRF.self)
    let ids = try t.startingModel(corpus, log: .silent).0.sentences.map(\.labels)
    let labelIDs = q.labels.map { trained.model.labels.firstIndex(of: $0)! }
    #expect(ids[0] == labelIDs.enumerated().map { mask[$0.offset] ? $0.element : -1 } && ids[1] == labelIDs)
  }

  /// A later round of the neural trainer goes on from the network it is given (same
  /// vocabularies and labels), for the epochs of a round.
  @Test func neuralRoundsGoOnFromTheNetwork() throws {
    let trained = NeuralModelFileTests.sample()
    var t = NeuralModelTrainer()
    t.roundEpochs = 2
    let next = t.continuing(from: trained, round: 1) as! NeuralModelTrainer
    #expect(next.initial == trained.of(NeuralCRF.self) && next.options.epochs == 2 && next.options.seed != t.options.seed)
    var corpus = LabelledCorpus(trainingScheme: nil)
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: ["Sr", "Ruiz"]), Column(key: "tags", values: ["O", "B-PER"])]
    s.tagColumn = 1
    try corpus.add(s, language: "es", weight: 1)
    let model = try next.train(corpus, development: nil, log: .silent).of(NeuralCRF.self)!
    #expect(model.vocabularies == next.initial!.vocabularies && model.labels == next.initial!.labels)
    #expect(model.parameters != next.initial!.parameters)
    s.columns[1].values = ["O", "B-MISC"]
    var unknown = LabelledCorpus(trainingScheme: nil)
    try unknown.add(s, language: "es", weight: 1)
    #expect(throws: DataError.self) { try next.train(unknown, development: nil, log: .silent) }
  }

  /// Languages with vectors and no sentence join the model after the corpus's, with the
  /// vectors as their vocabulary; after training they share the first language's
  /// language embedding (and its own sentence BiLSTM, with --language-encoders).
  @Test(arguments: [false, true]) func zeroShotLanguages(languageEncoders: Bool) throws {
    let vectors = WordEmbeddings(words: ["lima", "sr"], dimension: 4, vectors: [Float](repeating: 0.5, count: 8))
    var corpus = LabelledCorpus(trainingScheme: nil)
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: ["in", "Oslo"]), Column(key: "tags", values: ["O", "B-LOC"])]
    s.tagColumn = 1
    try corpus.add(s, language: "en", weight: 1)
    var t = NeuralModelTrainer()
    t.configuration = NeuralGradientTests.smallConfiguration(languageEncoders: languageEncoders)
    t.pretrained = ["es": vectors]
    t.options.epochs = 1
    var notes: [String] = []
    let trained = try t.train(corpus, development: nil, log: TrainingLog(step: { _, _ in }, note: { notes.append($0) }))
    let model = trained.of(NeuralCRF.self)!
    #expect(model.languages == ["en", "es"] && model.vocabularies[1] == ["lima", "sr"])
    #expect(trained.languages == ["en", "es"])
    #expect(notes.contains { $0.contains("language 'es' has vectors and no training sentence") })
    let d = model.configuration.languageDim, e = model.layout.languageEmbedding
    #expect(Array(model.parameters[e..<(e + d)]) == Array(model.parameters[(e + d)..<(e + 2 * d)]))
    if languageEncoders {
      let a = model.layout.languageLSTMs[0], b = model.layout.languageLSTMs[1]
      let n = a.backwardLayer.end - a.forwardLayer.inputWeights
      #expect(Array(model.parameters[a.forwardLayer.inputWeights..<(a.forwardLayer.inputWeights + n)])
              == Array(model.parameters[b.forwardLayer.inputWeights..<(b.forwardLayer.inputWeights + n)]))
      // The trained model's own encoder is not its initial one (it trained).
      let start = try t.startingModel(corpus, log: .silent).1
      #expect(Array(start.parameters[a.forwardLayer.inputWeights..<(a.forwardLayer.inputWeights + n)])
              != Array(model.parameters[a.forwardLayer.inputWeights..<(a.forwardLayer.inputWeights + n)]))
    }
  }
}
