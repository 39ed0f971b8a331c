/// The scheme of a gold tag column, learned from its sentences in order: the first
/// sentence that tells the schemes apart decides for the rest of the input.
///
/// E- or S- mean IOBES, L- or U- BILOU; an entity that starts with I- (at the start of a
/// sentence, after O or after another type) means IOB1; one that starts with B- after O
/// or at the start of a sentence means IOB2. A sentence of O, or of entities that read the
/// same in IOB1 and IOB2, decides nothing.
public struct SchemeDetector: Sendable {
  /// The scheme, once a sentence has told it.
  public private(set) var scheme: TagScheme?

  public init() {}

  /// Learns from one sentence's gold tags (values that are not tags are ignored).
  public mutating func observe(_ values: [String]) {
    guard scheme == nil else { return }
    var previous = Tag.outside
    for v in values {
      guard let t = Tag(parsing: v) else { return }
      switch t.prefix {
      case .end, .single: scheme = .iobes; return
      case .last, .unit: scheme = .bilou; return
      case .inside where previous.prefix == .outside || previous.type != t.type: scheme = .iob1; return
      case .begin where previous.prefix == .outside: scheme = .iob2; return
      default: break
      }
      previous = t
    }
  }

  /// `labels` (tags valid in their scheme) rewritten in `scheme`; labels that are not all
  /// tags are returned as they are.
  public static func convert(_ labels: [String], to scheme: TagScheme) -> [String] {
    let tags = labels.compactMap(Tag.init(parsing:))
    guard tags.count == labels.count else { return labels }
    return scheme.tags(for: SpanDecoder.lenient(tags), count: tags.count).map(\.description)
  }
}
