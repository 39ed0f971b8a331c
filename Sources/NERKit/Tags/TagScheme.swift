/// The tag schemes the tools read and write.
///
/// - `iob1`: `I-X` everywhere; `B-X` only on the first token of an entity that directly
///   follows another entity of the same type (CoNLL-2003's original scheme).
/// - `iob2`: `B-X` on every first token, `I-X` on the rest.
/// - `iobes`: `S-X` for one-token entities, else `B-X I-X... E-X`.
/// - `bilou`: as IOBES with `U` for single and `L` for last.
/// - `io`: `I-X` on every entity token; adjacent entities of one type merge (lossy).
public enum TagScheme: String, CaseIterable, Sendable {
  case iob1, iob2, iobes, bilou, io

  /// Tags for the given spans over `count` tokens. Spans must not overlap.
  public func tags(for spans: [Span], count: Int) -> [Tag] {
    var tags = [Tag](repeating: .outside, count: count)
    var previousEnd = -1
    var previousType = ""
    for span in spans.sorted() where span.start < span.end && span.end <= count {
      let adjacentSameType = span.start == previousEnd && span.type == previousType
      for i in span.start..<span.end {
        let first = i == span.start
        let last = i == span.end - 1
        let prefix: Tag.Prefix
        switch self {
        case .io: prefix = .inside
        case .iob1: prefix = first && adjacentSameType ? .begin : .inside
        case .iob2: prefix = first ? .begin : .inside
        case .iobes: prefix = first && last ? .single : first ? .begin : last ? .end : .inside
        case .bilou: prefix = first && last ? .unit : first ? .begin : last ? .last : .inside
        }
        tags[i] = Tag(prefix, span.type)
      }
      previousEnd = span.end
      previousType = span.type
    }
    return tags
  }

  /// The scheme a sequence of tags seems to use: IOBES or BILOU when their prefixes
  /// appear, IOB2 otherwise (IOB1 and IO read the same way).
  public static func guess(_ tags: [Tag]) -> TagScheme {
    for t in tags {
      switch t.prefix {
      case .end, .single: return .iobes
      case .last, .unit: return .bilou
      default: continue
      }
    }
    return .iob2
  }
}
