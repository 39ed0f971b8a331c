/// Turns tag sequences into spans.
public enum SpanDecoder {
  /// Reads spans from tags of any scheme, forgiving invalid transitions the way
  /// conlleval.pl does: `B` (and `S`, `U`) always opens an entity; `I`, `E` and `L` continue
  /// an open entity of the same type and otherwise open one (so IOB1, IOB2, IO, IOBES and
  /// BILOU all read correctly); `E`, `L`, `S`, `U` close the entity after their token.
  public static func lenient(_ tags: [Tag]) -> [Span] {
    var spans: [Span] = []
    var openStart = -1
    var openType = ""
    func close(at i: Int) {
      if openStart >= 0 { spans.append(Span(start: openStart, end: i, type: openType)) }
      openStart = -1
    }
    for (i, tag) in tags.enumerated() {
      switch tag.prefix {
      case .outside:
        close(at: i)
      case .begin:
        close(at: i)
        openStart = i
        openType = tag.type
      case .single, .unit:
        close(at: i)
        spans.append(Span(start: i, end: i + 1, type: tag.type))
      case .inside, .end, .last:
        if openStart < 0 || openType != tag.type {
          close(at: i)
          openStart = i
          openType = tag.type
        }
        if tag.prefix != .inside { close(at: i + 1) }
      }
    }
    close(at: tags.count)
    return spans
  }

  /// A transition a scheme does not allow, at token `index` (0-based).
  public struct Violation: Error, Equatable, CustomStringConvertible {
    public var index: Int
    public var message: String
    public var description: String { message }
  }

  /// Reads spans the way seqeval's strict mode does: only entities that are well formed in
  /// `scheme` count; invalid ones are dropped. Returns the spans and the first violation.
  public static func strict(_ tags: [Tag], scheme: TagScheme) -> (spans: [Span], firstViolation: Violation?) {
    var spans: [Span] = []
    var violation: Violation?
    func flag(_ i: Int, _ message: String) {
      if violation == nil { violation = Violation(index: i, message: message) }
    }
    var openStart = -1
    var openType = ""
    let allowed: Set<Tag.Prefix>
    switch scheme {
    case .io: allowed = [.outside, .inside]
    case .iob1, .iob2: allowed = [.outside, .begin, .inside]
    case .iobes: allowed = [.outside, .begin, .inside, .end, .single]
    case .bilou: allowed = [.outside, .begin, .inside, .last, .unit]
    }
    func describe(_ i: Int) -> String { i > 0 ? "'\(tags[i - 1])' followed by '\(tags[i])'" : "'\(tags[i])' at the start of a sentence" }
    for (i, tag) in tags.enumerated() {
      let previous = i > 0 ? tags[i - 1] : Tag.outside
      guard allowed.contains(tag.prefix) else {
        flag(i, "tag '\(tag)' does not belong to the \(scheme.rawValue.uppercased()) scheme")
        openStart = -1
        continue
      }
      let continues = previous.prefix != .outside && previous.type == tag.type
      switch scheme {
      case .io:
        if tag.prefix == .outside { if openStart >= 0 { spans.append(Span(start: openStart, end: i, type: openType)) }; openStart = -1 }
        else if !continues || openStart < 0 {
          if openStart >= 0 { spans.append(Span(start: openStart, end: i, type: openType)) }
          openStart = i; openType = tag.type
        }
      case .iob2, .iob1:
        if tag.prefix != .inside, openStart >= 0 {
          spans.append(Span(start: openStart, end: i, type: openType)); openStart = -1
        }
        switch tag.prefix {
        case .begin:
          if scheme == .iob1 && !continues { flag(i, "\(describe(i)): IOB1 uses B- only between two entities of one type") }
          openStart = i; openType = tag.type
        case .inside:
          if scheme == .iob2 {
            if openStart >= 0 && openType == tag.type { break }
            if openStart >= 0 { spans.append(Span(start: openStart, end: i, type: openType)); openStart = -1 }
            flag(i, "\(describe(i)): I- must follow B- or I- of the same type")
          } else {
            if openStart >= 0 && openType == tag.type { break }
            if openStart >= 0 { spans.append(Span(start: openStart, end: i, type: openType)) }
            openStart = i; openType = tag.type
          }
        default: break
        }
      case .iobes, .bilou:
        let lastP: Tag.Prefix = scheme == .iobes ? .end : .last
        let singleP: Tag.Prefix = scheme == .iobes ? .single : .unit
        let inEntity = openStart >= 0
        switch tag.prefix {
        case .outside, .begin, singleP:
          if inEntity { flag(i, "\(describe(i)): an entity must end with \(lastP.rawValue)-"); openStart = -1 }
          if tag.prefix == .begin { openStart = i; openType = tag.type }
          if tag.prefix == singleP { spans.append(Span(start: i, end: i + 1, type: tag.type)) }
        default:  // inside or last
          if !inEntity || openType != tag.type {
            flag(i, "\(describe(i)): \(tag.prefix.rawValue)- must follow B- or I- of the same type")
            openStart = -1
          } else if tag.prefix == lastP {
            spans.append(Span(start: openStart, end: i + 1, type: openType)); openStart = -1
          }
        }
      }
    }
    if openStart >= 0 {
      if scheme == .iobes || scheme == .bilou {
        let lastP = scheme == .iobes ? "E" : "L"
        flag(tags.count - 1, "'\(tags[tags.count - 1])' at the end of a sentence: an entity must end with \(lastP)-")
      } else {
        spans.append(Span(start: openStart, end: tags.count, type: openType))
      }
    }
    return (spans, violation)
  }
}
