import CICU

/// An ICU transliterator, from a transform ID ("Any-Latin; Latin-ASCII") or from rule
/// text in ICU's transform rule syntax.
///
/// Not thread-safe: use one per thread.
public final class Transliterator {
  private let handle: OpaquePointer
  private var buffer = [CChar](repeating: 0, count: 256)

  /// A system transform or compound ID.
  public convenience init(id: String) throws { try self.init(id: id, rules: nil) }

  /// Compiles `rules` (when given) under the name `id`, or opens the system transform `id`.
  public init(id: String, rules: String?) throws {
    var error = [CChar](repeating: 0, count: 512)
    guard let h = cicu_transliterator_open(id, rules, &error, error.count) else {
      throw DataError(line: 0, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    handle = h
  }

  deinit { cicu_transliterator_close(handle) }

  /// `text` transliterated.
  public func apply(_ text: String) -> String {
    var s = text
    return s.withUTF8 { src -> String in
      while true {
        let n = src.withMemoryRebound(to: CChar.self) { p in
          cicu_transliterate(handle, p.baseAddress, Int64(src.count), &buffer, Int64(buffer.count))
        }
        if n < 0 { return text }
        if n <= buffer.count {
          return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        buffer = [CChar](repeating: 0, count: Int(n) + 1)
      }
    }
  }

  /// The transform IDs ICU offers, sorted.
  public static var availableIDs: [String] {
    var ids: [String] = []
    var buffer = [CChar](repeating: 0, count: 256)
    for i in 0..<cicu_transliterator_count() {
      let n = cicu_transliterator_id(i, &buffer, Int32(buffer.count))
      if n > 0 && n < buffer.count {
        ids.append(String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
      }
    }
    return ids.sorted()
  }
}
