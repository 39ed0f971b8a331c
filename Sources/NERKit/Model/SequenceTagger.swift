#if canImport(Glibc)
import Glibc
#endif

/// A loaded model of any kind ready to tag: one path for every kind. The kind gives the
/// state scores of a batch (``SequenceModel/stateScores(_:)``); decoding is shared:
/// Viterbi constrained to valid tag sequences of the labels' scheme, n-best, marginals
/// and entity probabilities over the lattice of the model's transitions, and labels
/// converted back to the output scheme.
public struct SequenceTagger: Sendable {
  public let trained: TrainedModel
  /// The scheme of the model's labels (decoding is constrained to it), if they are tags.
  public let labelScheme: TagScheme?
  /// The scheme predictions are written in (the training input's).
  public let outputScheme: TagScheme?
  /// The language of the model's first training input, for input without one.
  public let defaultLanguage: String?
  let labels: [String]
  let transition: [Double]
  let mask: TransitionMask?
  /// Each label read as a tag (nil when it is not one), parsed once.
  let labelTags: [Tag?]

  public init(_ trained: TrainedModel) {
    self.trained = trained
    labels = trained.model.labels
    transition = trained.model.transitions
    labelScheme = trained.value("scheme").flatMap(TagScheme.init(rawValue:))
    outputScheme = trained.value("input-scheme").flatMap(TagScheme.init(rawValue:)) ?? labelScheme
    defaultLanguage = trained.languages.first
    mask = labelScheme.map { [labels] in TransitionMask(labels: labels, scheme: $0) }
    labelTags = labels.map { Tag(parsing: $0) }
  }

  /// The model.
  public var model: any SequenceModel { trained.model }

  /// Tags a batch of sentences (scored together: the caller fixes batches by position,
  /// see ``TaggingGroups``); each result is the prediction or why the sentence cannot be
  /// tagged.
  public func predict(_ batch: [ModelInput], marginals: Bool = false, nbest: Int = 0,
                      spans: Bool = false) -> [Result<Prediction, Error>] {
    model.stateScores(batch).map { r in r.map { predict(scores: $0, marginals: marginals, nbest: nbest, spans: spans) } }
  }

  /// What tagging a sentence gives.
  public struct Prediction: Sendable {
    /// The best labels, in the output scheme.
    public var labels: [String] = []
    /// The probability of each predicted label (with `marginals`).
    public var probabilities: [Double] = []
    /// The n best label sequences (output scheme) and their probabilities (with `nbest`).
    public var nbest: [(labels: [String], probability: Double)] = []
    /// The entities of the best labels with the probability of each (with `spans`).
    public var spans: [(span: Span, probability: Double)] = []
  }

  /// Tags a sequence from its state scores (`[t * L + y]`); the transitions are the model's.
  public func predict(scores: [Double], marginals: Bool = false, nbest: Int = 0, spans: Bool = false) -> Prediction {
    let L = labels.count
    let count = scores.count / max(L, 1)
    var p = Prediction()
    let best = Viterbi.decode(scores: scores, transition: transition, labelCount: L, mask: mask)
    p.labels = output(best.labels)
    guard marginals || nbest > 0 || spans, count > 0 else { return p }
    let lattice = Lattice(stateScores: scores, transition: transition, labelCount: L)
    if marginals {
      p.probabilities = best.labels.enumerated().map { lattice.marginal($0.offset, $0.element) }
    }
    if nbest > 0 {
      p.nbest = NBest.decode(scores: scores, transition: transition, labelCount: L, mask: mask, n: nbest).map {
        (output($0.labels), exp($0.score - lattice.logZ))
      }
    }
    if spans {
      for span in SpanDecoder.lenient(tags(best.labels)) {
        let continuing = (0..<L).filter { j in
          guard let t = labelTags[j], t.type == span.type else { return false }
          return t.prefix == .inside || t.prefix == .end || t.prefix == .last
        }
        let probability = Self.spanProbability(lattice, labels: best.labels, span: span, continuing: continuing)
        p.spans.append((span, probability))
      }
    }
    return p
  }

  /// The probability that `span` carries exactly these labels and that the token after
  /// it (if any) does not continue it.
  static func spanProbability(_ lattice: Lattice, labels: [Int], span: Span, continuing: [Int]) -> Double {
    let L = lattice.labelCount
    let s = span.start, e = span.end - 1
    // Path weight from s to e with the scaled forward-backward quantities.
    var path = lattice.alpha[s * L + labels[s]]
    if s < e {
      for t in (s + 1)...e {
        path *= lattice.expTransition[labels[t - 1] * L + labels[t]] * lattice.expState[t * L + labels[t]] * lattice.scale[t]
      }
    }
    var probability = path * lattice.beta[e * L + labels[e]] / lattice.scale[e]
    if e + 1 < lattice.length {
      for j in continuing {
        let extended = path * lattice.expTransition[labels[e] * L + j] * lattice.expState[(e + 1) * L + j] * lattice.scale[e + 1]
        probability -= extended * lattice.beta[(e + 1) * L + j] / lattice.scale[e + 1]
      }
    }
    return min(1, max(0, probability))
  }

  /// Labels in the output scheme.
  func output(_ labels: [Int]) -> [String] {
    guard let from = labelScheme, let to = outputScheme, from != to else { return labels.map { self.labels[$0] } }
    return to.tags(for: SpanDecoder.lenient(tags(labels)), count: labels.count).map(\.description)
  }

  /// Labels as tags (a label that is not a tag reads as O).
  func tags(_ labels: [Int]) -> [Tag] { labels.map { labelTags[$0] ?? .outside } }
}
