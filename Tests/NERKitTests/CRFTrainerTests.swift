import Testing

@testable import NERKit

struct CRFTrainerTests {
  /// A toy NER corpus: capitalized words after "in" are places, after "Mr" people.
  static func corpus(_ n: Int) -> [TrainingSequence] {
    let places = ["Paris", "Kyiv", "Lima", "Oslo"]
    let people = ["Smith", "Jones", "Brown"]
    let fx = FeatureExtractor()
    var data: [TrainingSequence] = []
    for i in 0..<n {
      let tokens: [String]
      let labels: [String]
      if i % 2 == 0 {
        tokens = ["we", "live", "in", places[i % places.count], "now"]
        labels = ["O", "O", "O", "B-LOC", "O"]
      } else {
        tokens = ["Mr", people[i % people.count], "Jr", "left", "early"]
        labels = ["O", "B-PER", "I-PER", "O", "O"]
      }
      data.append(TrainingSequence(features: fx.features(tokens: tokens), labels: labels))
    }
    return data
  }

  @Test func learnsTheToyCorpus() {
    var options = CRFTrainer.Options()
    options.c2 = 0.01
    options.optimizer.maxIterations = 100
    let (tagger, _) = CRFTrainer.train(Self.corpus(40), options: options)
    let fx = FeatureExtractor()
    #expect(tagger.tag(fx.features(tokens: ["we", "live", "in", "Rome", "now"])) == ["O", "O", "O", "B-LOC", "O"])
    #expect(tagger.tag(fx.features(tokens: ["Mr", "Green", "Jr", "left", "early"])) == ["O", "B-PER", "I-PER", "O", "O"])
  }

  @Test func sameWeightsForAnyThreadCount() {
    var options = CRFTrainer.Options()
    options.optimizer.maxIterations = 15
    let data = Self.corpus(300)
    options.threads = 1
    let one = CRFTrainer.train(data, options: options).tagger.model
    options.threads = 2
    let two = CRFTrainer.train(data, options: options).tagger.model
    options.threads = 4
    let four = CRFTrainer.train(data, options: options).tagger.model
    #expect(one == two && two == four)
  }

  @Test func l1MakesWeightsSparseAndMinFrequencyDropsRareFeatures() {
    var options = CRFTrainer.Options()
    options.optimizer.maxIterations = 50
    options.c2 = 0
    options.c1 = 1
    let sparse = CRFTrainer.train(Self.corpus(40), options: options).tagger.model
    options.c1 = 0
    options.c2 = 1
    let dense = CRFTrainer.train(Self.corpus(40), options: options).tagger.model
    let zeros = { (m: CRFModel) in m.weights.filter { $0 == 0 }.count }
    #expect(zeros(sparse) > zeros(dense))
    options.minFrequency = 10
    let pruned = CRFTrainer.train(Self.corpus(40), options: options).tagger
    let all = CRFTrainer.train(Self.corpus(40), options: CRFTrainer.Options()).tagger
    #expect(pruned.attributes.count < all.attributes.count)
  }
}
