/// Labelled sentences for any trainer: each sentence as a model reads it
/// (``ModelInput``), its gold labels converted to the training scheme, its language and
/// the weight of its log-likelihood; the input's tag scheme is detected on the way.
public struct LabelledCorpus: Sendable {
  /// One labelled sentence.
  public struct Item: Sendable {
    public var input: ModelInput
    /// The gold labels, in the training scheme.
    public var labels: [String]
    public var weight: Double
    /// Which labels are known (nil: all of them); the others are free, so the
    /// likelihood is that of every labelling agreeing with the known ones (pseudo-labels
    /// a model was unsure of; the label there is only the model's guess).
    public var known: [Bool]? = nil
  }

  public private(set) var items: [Item] = []
  /// The scheme to train in (labels are converted to it), or nil to keep them as given.
  public let trainingScheme: TagScheme?
  /// The languages met, in order of first appearance ("" for sentences without one).
  public private(set) var languages: [String] = []
  /// The number of sentences added per language.
  public private(set) var sentenceCounts: [String: Int] = [:]
  public private(set) var tokenCount = 0
  private var evidence = SchemeEvidence()

  public init(trainingScheme: TagScheme?) { self.trainingScheme = trainingScheme }

  public var count: Int { items.count }

  /// Adds a labelled sentence (an empty one is skipped) whose log-likelihood counts
  /// `weight` times; `known` marks the labels that are known (nil: all; see
  /// ``Item/known``).
  public mutating func add(_ input: ModelInput, labels: [String], weight: Double, known: [Bool]? = nil) throws {
    guard !labels.isEmpty else { return }
    guard labels.count == input.count else {
      throw DataError(line: input.line, "\(labels.count) tags for \(input.count) tokens")
    }
    if let known, known.count != labels.count {
      throw DataError(line: input.line, "\(known.count) known marks for \(labels.count) tags")
    }
    let converted = try evidence.note(labels, converting: trainingScheme, line: input.line)
    items.append(Item(input: input, labels: converted, weight: weight, known: known?.allSatisfy { $0 } == true ? nil : known))
    let key = input.language ?? ""
    if sentenceCounts[key] == nil { languages.append(key) }
    sentenceCounts[key, default: 0] += 1
    tokenCount += labels.count
  }

  /// Adds a sentence of the suite's formats with its gold tag column.
  public mutating func add(_ s: Sentence, language: String?, weight: Double, source: String? = nil,
                           purpose: String = "train on") throws {
    guard s.count > 0 else { return }
    guard let tags = s.tags else { throw DataError(line: s.line, "no gold tag column to \(purpose)") }
    try add(ModelInput(s, language: language, source: source), labels: tags, weight: weight)
  }

  /// The labels in order of first appearance (the order models index them in).
  public var labels: [String] {
    var seen = Set<String>(), out: [String] = []
    for item in items { for l in item.labels where seen.insert(l).inserted { out.append(l) } }
    return out
  }

  /// The scheme of the input's labels (see ``SchemeEvidence``).
  public var inputScheme: TagScheme? { evidence.scheme }

  /// The training facts a model trained on this corpus carries: its languages, the
  /// input's scheme and the labels' scheme.
  public var metadata: [(String, String)] {
    var m = [("languages", languages.joined(separator: " "))]
    if let input = inputScheme {
      m.append(("input-scheme", input.rawValue))
      m.append(("scheme", (trainingScheme ?? input).rawValue))
    }
    return m
  }
}

/// What the labels seen so far say about their tag scheme.
struct SchemeEvidence: Sendable {
  private var sawEndOrSingle = false
  private var sawLastOrUnit = false
  /// Entities opened by `I-` (IOB1's way) and by `B-` after something else than the
  /// same type (IOB2's way); a few of the first in IOB2 data are annotation noise.
  private var iob1Starts = 0
  private var iob2Starts = 0
  private var allTags = true

  /// Notes the evidence of `values` and converts them to `scheme` (when given).
  mutating func note(_ values: [String], converting scheme: TagScheme?, line: Int) throws -> [String] {
    var previous: Tag? = nil
    var tags: [Tag] = []
    for v in values {
      guard let tag = Tag(parsing: v) else {
        allTags = false
        if scheme != nil { throw DataError(line: line, "'\(v)' is not a tag, so --tag-scheme cannot convert it") }
        previous = nil
        continue
      }
      switch tag.prefix {
      case .end, .single: sawEndOrSingle = true
      case .last, .unit: sawLastOrUnit = true
      case .inside:
        if previous == nil || previous!.prefix == .outside || previous!.type != tag.type { iob1Starts += 1 }
      case .begin:
        if previous == nil || previous!.prefix == .outside || previous!.type != tag.type { iob2Starts += 1 }
      default: break
      }
      tags.append(tag)
      previous = tag
    }
    guard let scheme else { return values }
    return scheme.tags(for: SpanDecoder.lenient(tags), count: tags.count).map(\.description)
  }

  /// IOBES or BILOU when their prefixes occur, IOB1 when more entities start with `I-`
  /// than with `B-` (IOB1 puts `B-` only between two entities of one type), else IOB2;
  /// nil when some labels are not tags.
  var scheme: TagScheme? {
    guard allTags else { return nil }
    if sawEndOrSingle { return .iobes }
    if sawLastOrUnit { return .bilou }
    return iob1Starts > iob2Starts ? .iob1 : .iob2
  }
}
