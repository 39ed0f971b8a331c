/// An entity: tokens `start..<end` of a sentence, of one type.
public struct Span: Hashable, Comparable, Sendable {
  public var start: Int
  /// Exclusive.
  public var end: Int
  public var type: String

  public init(start: Int, end: Int, type: String) {
    self.start = start
    self.end = end
    self.type = type
  }

  public var length: Int { end - start }

  public static func < (a: Span, b: Span) -> Bool {
    (a.start, a.end, a.type) < (b.start, b.end, b.type)
  }
}
