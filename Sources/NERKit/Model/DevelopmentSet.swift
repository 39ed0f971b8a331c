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
    let groups = FixedPartition.groups(inputs, size: 64)
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
