/// Labelled sentences turned into a ``TrainingSet``: features computed by a
/// ``FeatureSet``, labels converted to the training scheme, each sentence weighted by its
/// language, and the input's tag scheme detected on the way.
public struct TrainingCorpus {
  public private(set) var set = TrainingSet()
  public let featureSet: FeatureSet
  /// The scheme to train in (labels are converted to it), or nil to keep them as given.
  public let trainingScheme: TagScheme?
  /// The languages met, in order of first appearance.
  public private(set) var languages: [String] = []
  /// The number of sentences and tokens added per language.
  public private(set) var sentenceCounts: [String: Int] = [:]
  public private(set) var tokenCount = 0

  /// What the labels seen so far say about their scheme.
  private var sawEndOrSingle = false
  private var sawLastOrUnit = false
  /// Entities opened by `I-` (IOB1's way) and by `B-` after something else than the
  /// same type (IOB2's way); a few of the first in IOB2 data are annotation noise.
  private var iob1Starts = 0
  private var iob2Starts = 0
  private var allTags = true

  public init(featureSet: FeatureSet, trainingScheme: TagScheme?) {
    self.featureSet = featureSet
    self.trainingScheme = trainingScheme
  }

  /// Adds a labelled sentence of language `language` whose log-likelihood counts
  /// `weight` times.
  public mutating func add(_ s: Sentence, language: String?, weight: Double) throws {
    guard s.count > 0 else { return }
    try add(s, features: try featureSet.features(s, language: language), language: language, weight: weight)
  }

  /// Adds a labelled sentence whose features were computed by ``featureSet`` already
  /// (on another thread).
  public mutating func add(_ s: Sentence, features: [[String]], language: String?, weight: Double) throws {
    guard s.count > 0 else { return }
    guard let t = s.tagColumn else { throw DataError(line: s.line, "no gold tag column to train on") }
    let labels = try self.labels(s.columns[t].values, line: s.line)
    set.append(features: features, labels: labels, weight: weight)
    count(language, tokens: s.count)
  }

  /// Adds a sequence of CRFsuite-style attributes.
  public mutating func add(attributes: [[(String, Double)]], labels: [String], language: String?, weight: Double, line: Int) throws {
    guard !labels.isEmpty else { return }
    set.append(attributes: featureSet.attributes(attributes, language: language), labels: try self.labels(labels, line: line), weight: weight)
    count(language, tokens: labels.count)
  }

  private mutating func count(_ language: String?, tokens: Int) {
    let key = language ?? ""
    if sentenceCounts[key] == nil { languages.append(key) }
    sentenceCounts[key, default: 0] += 1
    tokenCount += tokens
  }

  /// Notes the scheme evidence of `values` and converts them to the training scheme.
  private mutating func labels(_ values: [String], line: Int) throws -> [String] {
    var previous: Tag? = nil
    var tags: [Tag] = []
    for v in values {
      guard let tag = Tag(parsing: v) else {
        allTags = false
        if trainingScheme != nil {
          throw DataError(line: line, "'\(v)' is not a tag, so --tag-scheme cannot convert it")
        }
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
    guard let scheme = trainingScheme else { return values }
    return scheme.tags(for: SpanDecoder.lenient(tags), count: tags.count).map(\.description)
  }

  /// The scheme of the input's labels: IOBES or BILOU when their prefixes occur, IOB1
  /// when more entities start with `I-` than with `B-` (IOB1 puts `B-` only between two
  /// entities of one type), else IOB2; nil when some labels are not tags.
  public var inputScheme: TagScheme? {
    guard allTags else { return nil }
    if sawEndOrSingle { return .iobes }
    if sawLastOrUnit { return .bilou }
    return iob1Starts > iob2Starts ? .iob1 : .iob2
  }

  /// The metadata a model trained on this corpus carries.
  public var metadata: [(String, String)] {
    var m = featureSet.metadata
    m.append(("languages", languages.joined(separator: " ")))
    if let input = inputScheme {
      m.append(("input-scheme", input.rawValue))
      m.append(("scheme", (trainingScheme ?? input).rawValue))
    }
    return m
  }
}
