#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes CoNLL, reproducing each record's ``Layout`` (separator, line ends, blank lines),
/// so that what ``CoNLLReader`` read is written back byte for byte.
public final class CoNLLWriter: RecordWriter {
  private let out: OutputBuffer
  /// Leave out metadata and comment lines.
  public var dropMetadata = false
  /// What CoNLL can hold, checked on each record before it is written.
  private var fit = CoNLLFit()

  public init(_ out: OutputBuffer) { self.out = out }

  /// Writes a record; a record CoNLL cannot hold (see ``CoNLLFit``) is a ``DataError``
  /// and nothing of it is written.
  public func write(_ record: Record) throws {
    switch record {
    case .sentence(let s):
      try fit.check(s, comments: !dropMetadata)
      try writeLines(header: s.header, layout: s.layout, rows: s.count) { i in
        for (j, c) in s.columns.enumerated() {
          if j > 0 { try out.write(byte: s.layout.separator) }
          try out.write(c.values[i])
        }
      }
    case .documentStart(let d):
      try fit.check(d)
      try writeLines(header: d.header, layout: d.layout, rows: 1) { _ in try out.write(d.text) }
    }
  }

  public func finish() throws { try out.flush() }

  private func writeLines(header: [HeaderLine], layout: Layout, rows: Int, row: (Int) throws -> Void) throws {
    let eol = layout.crlf ? "\r\n" : "\n"
    for _ in 0..<layout.blankLinesBefore { try out.write(eol) }
    var lines = dropMetadata ? 0 : header.count
    lines += rows
    var written = 0
    func end() throws {
      written += 1
      if written < lines || layout.blankLinesAfter > 0 || layout.finalNewline { try out.write(eol) }
    }
    if !dropMetadata {
      for h in header {
        try out.write(Self.render(h))
        try end()
      }
    }
    for i in 0..<rows {
      try row(i)
      try end()
    }
    for _ in 0..<layout.blankLinesAfter { try out.write(eol) }
  }

  /// A header line as CoNLL text.
  public static func render(_ line: HeaderLine) -> String {
    switch line {
    case .pair(let key, let value): return "# \(key) = \(oneLine(value))"
    case .json(let key, let raw): return "# \(key) = \(oneLine(raw))"
    case .comment(let text): return oneLine(text)
    }
  }

  private static func oneLine(_ s: String) -> String {
    var copy = s
    return copy.withUTF8 { b in
      guard let p = b.baseAddress else { return s }
      if memchr(p, 0x0A, b.count) == nil && memchr(p, 0x0D, b.count) == nil { return s }
      var out = ByteBuffer()
      appendOneLine(b, to: &out)
      return out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// Appends UTF-8 text to `out` as one line: each line break (LF, CR or CR LF) becomes
  /// one space.
  public static func appendOneLine(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
    guard let base = utf8.baseAddress,
      memchr(base, 0x0A, utf8.count) != nil || memchr(base, 0x0D, utf8.count) != nil
    else {
      out.append(utf8)
      return
    }
    var i = 0
    while i < utf8.count {
      let b = utf8[i]
      if b == 0x0D || b == 0x0A {
        out.append(0x20)
        i += b == 0x0D && i + 1 < utf8.count && utf8[i + 1] == 0x0A ? 2 : 1
      } else {
        out.append(b)
        i += 1
      }
    }
  }
}
