import ArgumentParser
import NERCLI
import NERKit

extension SelfTraining.Confidence: ExpressibleByArgument {}

/// The options of self-training on unlabelled sentences (`ner-tag train --unlabelled`).
struct SelfTrainingOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Unlabelled sentences (CoNLL or JSONL; a tag column is ignored) to self-train on after training, FILE or LANG=FILE; repeatable.", valueName: "input"))
  var unlabelled: [String] = []

  @Option(help: ArgumentHelp("Self-train from this model (of the --kind trained) instead of training one on the labelled data first; the labelled data still trains with the pseudo-labelled sentences.", valueName: "file"))
  var startModel: String?

  @Option(help: "Self-training rounds: label the unlabelled sentences, keep some, train on them with the labelled data.")
  var rounds: Int = 3

  @Option(help: "Keep a pseudo-labelled sentence only if its confidence (--confidence) is at least this.")
  var minConfidence: Double = 0

  @Option(help: "Leave a pseudo-label free when its marginal probability is below this: the sentence trains on the labellings that agree with its other labels (0: keep every label).")
  var minTokenConfidence: Double = 0

  @Option(help: "A sentence's confidence: the probability of its labels (sentence) or the lowest of its entities' (entity).")
  var confidence: SelfTraining.Confidence = .sentence

  @Option(help: "Weight of each pseudo-labelled sentence's log-likelihood.")
  var pseudoWeight: Double = 1

  @Flag(help: "Do not draw a length threshold each round (by default a round keeps only sentences of at most l tokens, l the length of one of them drawn at random).")
  var noLengthThreshold = false

  func validate() throws {
    if rounds < 1 { throw ValidationError("--rounds needs a positive number.") }
    if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be in [0, 1].") }
    if !(0...1).contains(minTokenConfidence) { throw ValidationError("--min-token-confidence must be in [0, 1].") }
    if startModel != nil && unlabelled.isEmpty { throw ValidationError("--start-model needs --unlabelled.") }
    if !(pseudoWeight > 0) || !pseudoWeight.isFinite { throw ValidationError("--pseudo-weight must be a positive number.") }
  }

  /// The self-training these options describe (nil without --unlabelled).
  func selfTraining(seed: UInt64, threads: Int) -> SelfTraining? {
    guard !unlabelled.isEmpty else { return nil }
    var s = SelfTraining()
    s.rounds = rounds
    s.minConfidence = minConfidence
    s.minTokenConfidence = minTokenConfidence
    s.confidence = confidence
    s.weight = pseudoWeight
    s.lengthThreshold = !noLengthThreshold
    s.seed = seed
    s.threads = threads
    return s
  }
}
