import CICU

/// ICU's break iterator over UTF-8 text: words (UAX #29, with ICU's dictionaries for
/// Thai, Lao, Khmer, Burmese, Chinese and Japanese) or sentences (with the locale's
/// abbreviation suppression where ICU has it).
///
/// Not thread-safe: use one per thread.
public final class BreakIterator {
  public enum Kind { case word, sentence }

  /// A segment's kind, from ICU's rule status (word iterators).
  public enum SegmentKind: Sendable {
    case none, number, letter, kana, ideographic

    init(status: Int32) {
      switch status {
      case 100..<200: self = .number
      case 200..<300: self = .letter
      case 300..<400: self = .kana
      case 400..<500: self = .ideographic
      default: self = .none
      }
    }
  }

  /// The segments of one text, as filled by ``BreakIterator/segment(_:into:)``: memory
  /// that is reused from text to text.
  public struct Segments {
    private var bounds: [Int64] = []
    private var statuses: [Int32] = []
    /// The number of segments.
    public private(set) var count = 0

    public init() {}

    /// Segment `i` as a range of UTF-8 byte offsets.
    @inline(__always)
    public subscript(i: Int) -> Range<Int> { Int(bounds[i])..<Int(bounds[i + 1]) }

    /// The kind of segment `i` (word iterators; `.none` for sentences).
    @inline(__always)
    public func kind(_ i: Int) -> SegmentKind { SegmentKind(status: statuses[i + 1]) }

    /// Fills the boundaries by `fill(bounds, statuses, capacity)`, which returns their number
    /// (at most `capacity`, which is `length + 1`), or -1.
    fileprivate mutating func fill(length: Int, _ body: (UnsafeMutablePointer<Int64>, UnsafeMutablePointer<Int32>, Int) -> Int) {
      let capacity = length + 1
      if bounds.count < capacity {
        let grown = max(capacity, 2 * bounds.count)
        bounds = [Int64](repeating: 0, count: grown)
        statuses = [Int32](repeating: 0, count: grown)
      }
      let n = bounds.withUnsafeMutableBufferPointer { b in
        statuses.withUnsafeMutableBufferPointer { s in body(b.baseAddress!, s.baseAddress!, capacity) }
      }
      count = max(0, n - 1)
    }
  }

  private let handle: OpaquePointer
  private let kind: Kind

  /// Opens an iterator for `locale` (a language code, or "" for ICU's root rules). With
  /// `shortcut`, a word iterator with ICU's root rules breaks words of Latin-1 letters,
  /// digits and punctuation between spaces itself (the same segments as ICU's, much faster)
  /// and hands the rest of the text to ICU.
  public init(kind: Kind, locale: String = "", suppressAbbreviations: Bool = true, shortcut: Bool = true) throws {
    var error = [CChar](repeating: 0, count: 256)
    guard
      let h = cicu_breaker_open(
        kind == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE), locale,
        suppressAbbreviations ? 1 : 0, shortcut ? 1 : 0, &error, error.count)
    else {
      throw DataError(line: 0, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    handle = h
    self.kind = kind
  }

  deinit { cicu_breaker_close(handle) }

  /// Puts the segments of `text` in `segments` (replacing what it held). The ranges are
  /// UTF-8 byte offsets into `text`; kinds come with word iterators only.
  public func segment(_ text: UnsafeBufferPointer<UInt8>, into segments: inout Segments) {
    guard let base = text.baseAddress, !text.isEmpty else {
      segments.fill(length: 0) { _, _, _ in 0 }
      return
    }
    let withKinds = kind == .word
    segments.fill(length: text.count) { bounds, statuses, capacity in
      Int(base.withMemoryRebound(to: CChar.self, capacity: text.count) { t in
        cicu_breaker_segment(handle, t, Int64(text.count), bounds, withKinds ? statuses : nil, Int64(capacity))
      })
    }
  }

  /// The segments of `text` as UTF-8 byte ranges, with their kinds.
  public func segments(_ text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, kind: SegmentKind)] {
    var segments = Segments()
    segment(text, into: &segments)
    return (0..<segments.count).map { (segments[$0], segments.kind($0)) }
  }
}
