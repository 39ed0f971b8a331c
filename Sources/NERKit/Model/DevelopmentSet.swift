/// Labelled sentences scored with conlleval's entity F1 while a model of any kind
/// trains (`ner-tag train --dev`).
public final class DevelopmentSet {
  let items: [LabelledCorpus.Item]
  /// The items as the model being trained reads them fastest (``SequenceModel/prepare(_:)``),
  /// computed on the first score.
  private var prepared: [ModelInput]?
  let threads: Int

  /// The corpus's sentences, tagged on `threads` threads when scored.
  public init(_ corpus: LabelledCorpus, threads: Int) {
    items = corpus.items
    self.threads = threads
  }

  public var count: Int { items.count }

  /// Turns the sentences into the form `model`'s kind scores fastest (a linear CRF's
  /// features), on the threads; a sentence the model cannot read throws here, before
  /// training starts.
  public func prepare(for model: any SequenceModel) throws {
    let workers = BatchWorkers(threads: threads) { model }
    prepared = try workers.map(items) { m, item in Result { try m.prepare(item.input) } }.map { try $0.get() }
  }

  /// conlleval's overall F1 (0 to 100) of `tagger` on these sentences. Sentences are
  /// tagged in fixed groups of 64, so the score is the same for any number of threads.
  public func f1(_ tagger: SequenceTagger) throws -> Double {
    if prepared == nil { try prepare(for: tagger.model) }
    let inputs = prepared!
    let groups = stride(from: 0, to: inputs.count, by: 64).map { Array(inputs[$0..<min(inputs.count, $0 + 64)]) }
    let workers = BatchWorkers(threads: threads) { tagger }
    let predicted = workers.map(groups) { t, group in t.predict(group) }.joined()
    var scorer = try ConllevalScorer()
    for (item, prediction) in zip(items, predicted) {
      // Tags never contain spaces, so conlleval's field splitting cannot fail here.
      for (g, p) in zip(item.labels, try prediction.get().labels) { try scorer.addToken(gold: g, guess: p, line: 0) }
      try scorer.addBoundary()
    }
    return scorer.finish().overall.f
  }
}

/// Early stopping on a development score: keeps the best model seen and says when
/// `patience` scores in a row brought no improvement.
public struct EarlyStopping<Model> {
  public let patience: Int
  /// The best score, the step (iteration or epoch) it was seen at, and its model.
  public private(set) var best: (score: Double, step: Int, model: Model)?
  private var sinceBest = 0

  public init(patience: Int) { self.patience = patience }

  /// Notes a score of the model at `step` (made only when it is the best so far);
  /// returns false when training should stop.
  public mutating func observe(_ score: Double, step: Int, model: () -> Model) -> Bool {
    if best == nil || score > best!.score {
      best = (score, step, model())
      sinceBest = 0
    } else {
      sinceBest += 1
    }
    return sinceBest < patience
  }
}

/// What every trainer reports as it goes: a line per iteration or epoch, and notes.
public struct TrainingLog {
  /// An iteration's (or epoch's) number and its line.
  public var step: (Int, String) -> Void
  /// A line about the run (sizes, the model kept, why training stopped).
  public var note: (String) -> Void

  public init(step: @escaping (Int, String) -> Void, note: @escaping (String) -> Void) {
    self.step = step
    self.note = note
  }

  public static var silent: TrainingLog { TrainingLog(step: { _, _ in }, note: { _ in }) }
}

/// A training algorithm for one model kind: labelled sentences in, a trained model out.
public protocol ModelTrainer {
  /// Trains on `corpus`, scoring `development` (when given) to keep the best model.
  func train(_ corpus: LabelledCorpus, development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel
}
