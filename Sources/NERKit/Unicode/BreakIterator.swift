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

  private let handle: OpaquePointer
  private var bounds: [Int64] = []
  private var statuses: [Int32] = []

  /// Opens an iterator for `locale` (a language code, or "" for ICU's root rules).
  public init(kind: Kind, locale: String = "", suppressAbbreviations: Bool = true) throws {
    var error = [CChar](repeating: 0, count: 256)
    guard
      let h = cicu_breaker_open(
        kind == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE), locale,
        suppressAbbreviations ? 1 : 0, &error, error.count)
    else {
      throw DataError(line: 0, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    handle = h
  }

  deinit { cicu_breaker_close(handle) }

  /// The segments of `text` as UTF-8 byte ranges, with their kinds.
  public func segments(_ text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, kind: SegmentKind)] {
    guard !text.isEmpty else { return [] }
    if bounds.count < text.count / 2 + 8 {
      bounds = [Int64](repeating: 0, count: text.count / 2 + 8)
      statuses = [Int32](repeating: 0, count: bounds.count)
    }
    var n = 0
    while true {
      n = Int(text.withMemoryRebound(to: CChar.self) { t in
        cicu_breaker_segment(handle, t.baseAddress, Int64(text.count), &bounds, &statuses, Int64(bounds.count))
      })
      if n <= bounds.count { break }
      bounds = [Int64](repeating: 0, count: n)
      statuses = [Int32](repeating: 0, count: n)
    }
    var result: [(range: Range<Int>, kind: SegmentKind)] = []
    result.reserveCapacity(max(0, n - 1))
    if n >= 2 {
      for i in 1..<n {
        result.append((Int(bounds[i - 1])..<Int(bounds[i]), SegmentKind(status: statuses[i])))
      }
    }
    return result
  }
}
