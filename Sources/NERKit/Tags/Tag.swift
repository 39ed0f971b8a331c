/// One token's entity tag: a position prefix and an entity type (`B-PER`, `I-ORG-GOV`, `O`).
///
/// The prefix is the text before the first hyphen and the type everything after it, so
/// types may contain hyphens, as in conlleval.pl.
public struct Tag: Hashable, CustomStringConvertible, Sendable {
  /// Position of a token in its entity.
  public enum Prefix: Character, Sendable {
    case begin = "B", inside = "I", end = "E", single = "S", last = "L", unit = "U", outside = "O"
  }

  public var prefix: Prefix
  /// The entity type; empty for `O`.
  public var type: String

  public init(_ prefix: Prefix, _ type: String = "") {
    self.prefix = prefix
    self.type = prefix == .outside ? "" : type
  }

  /// The outside tag `O`.
  public static let outside = Tag(.outside)

  /// Parses `O` or `P-TYPE` with P one of B I E S L U and a non-empty TYPE; nil otherwise.
  public init?(parsing text: String) {
    if text == "O" { self = .outside; return }
    let utf8 = text.utf8
    guard utf8.count >= 3, let first = utf8.first, utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: "-")
    else { return nil }
    let p: Prefix
    switch first {
    case UInt8(ascii: "B"): p = .begin
    case UInt8(ascii: "I"): p = .inside
    case UInt8(ascii: "E"): p = .end
    case UInt8(ascii: "S"): p = .single
    case UInt8(ascii: "L"): p = .last
    case UInt8(ascii: "U"): p = .unit
    default: return nil
    }
    self.prefix = p
    self.type = String(text.dropFirst(2))
  }

  /// Whether a string parses as a tag.
  public static func isTag(_ text: String) -> Bool { Tag(parsing: text) != nil }

  public var description: String { prefix == .outside ? "O" : "\(prefix.rawValue)-\(type)" }
}
