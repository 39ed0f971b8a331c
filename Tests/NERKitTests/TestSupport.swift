import Foundation
import Testing

@testable import NERKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NERKit's tag (Swift Testing has a `Tag` of its own).
typealias Tag = NERKit.Tag

/// Helpers shared by the NERKit tests: temporary files behind `LineReader` and
/// `OutputBuffer`, and whole-input read/write shortcuts for the record formats.
enum TestSupport {
  /// A new temporary file, open for reading and writing, already unlinked (it goes away
  /// when the descriptor is closed).
  static func anonymousFile() -> Int32 {
    var path = Array((NSTemporaryDirectory() + "/nerkit-test-XXXXXX").utf8CString)
    let fd = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    precondition(fd >= 0, "mkstemp failed")
    path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return fd
  }

  /// A temporary file holding `bytes`, positioned at its start.
  static func fileDescriptor(holding bytes: [UInt8]) -> Int32 {
    let fd = anonymousFile()
    var offset = 0
    bytes.withUnsafeBytes { raw in
      while offset < raw.count {
        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
        precondition(n > 0, "write failed")
        offset += n
      }
    }
    lseek(fd, 0, SEEK_SET)
    return fd
  }

  /// Everything in an open file, from its start.
  static func contents(of fd: Int32) -> [UInt8] {
    lseek(fd, 0, SEEK_SET)
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n <= 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}

/// Writes `bytes` to a temporary file and runs `body` with a `LineReader` on it.
func withLineReader<T>(_ bytes: [UInt8], bufferSize: Int = 1 << 16, _ body: (LineReader) throws -> T) throws -> T {
  let fd = TestSupport.fileDescriptor(holding: bytes)
  defer { close(fd) }
  let reader = LineReader(fileDescriptor: fd, bufferSize: bufferSize)
  return try body(reader)
}

/// Writes `text` (as UTF-8) to a temporary file and runs `body` with a `LineReader` on it.
func withLineReader<T>(_ text: String, bufferSize: Int = 1 << 16, _ body: (LineReader) throws -> T) throws -> T {
  try withLineReader(Array(text.utf8), bufferSize: bufferSize, body)
}

/// Every line of `bytes` as (bytes, terminated, number).
func allLines(_ bytes: [UInt8], bufferSize: Int = 1 << 16) throws -> [(bytes: [UInt8], terminated: Bool, number: Int)] {
  try withLineReader(bytes, bufferSize: bufferSize) { r in
    var lines: [([UInt8], Bool, Int)] = []
    while let l = try r.next() { lines.append((Array(l.bytes), l.terminated, l.number)) }
    return lines
  }
}

/// Runs `body` with an `OutputBuffer` on a temporary file and returns what was written.
func captureOutput(threshold: Int = 1 << 16, _ body: (OutputBuffer) throws -> Void) throws -> [UInt8] {
  let fd = TestSupport.anonymousFile()
  defer { close(fd) }
  let out = OutputBuffer(fileDescriptor: fd, threshold: threshold)
  try body(out)
  try out.flush()
  return TestSupport.contents(of: fd)
}

/// Every record of `bytes` read as CoNLL.
func readCoNLL(_ bytes: [UInt8], bufferSize: Int = 1 << 16) throws -> [Record] {
  try withLineReader(bytes, bufferSize: bufferSize) { lines in
    let reader = CoNLLReader(lines: lines)
    var records: [Record] = []
    while let r = try reader.next() { records.append(r) }
    return records
  }
}

func readCoNLL(_ text: String, bufferSize: Int = 1 << 16) throws -> [Record] {
  try readCoNLL(Array(text.utf8), bufferSize: bufferSize)
}

/// Every record of `text` read as JSONL.
func readJSONL(_ text: String) throws -> [Record] {
  try withLineReader(text) { lines in
    let reader = JSONLReader(lines: lines)
    var records: [Record] = []
    while let r = try reader.next() { records.append(r) }
    return records
  }
}

/// `records` written as CoNLL.
func writeCoNLL(_ records: [Record], dropMetadata: Bool = false) throws -> [UInt8] {
  try captureOutput { out in
    let w = CoNLLWriter(out)
    w.dropMetadata = dropMetadata
    for r in records { try w.write(r) }
    try w.finish()
  }
}

/// `records` written as JSONL.
func writeJSONL(_ records: [Record], dropMetadata: Bool = false) throws -> [UInt8] {
  try captureOutput { out in
    let w = JSONLWriter(out)
    w.dropMetadata = dropMetadata
    for r in records { try w.write(r) }
    try w.finish()
  }
}

/// CoNLL text read and written back as CoNLL.
func conllRoundTrip(_ bytes: [UInt8]) throws -> [UInt8] {
  try writeCoNLL(try readCoNLL(bytes))
}

/// CoNLL text converted to JSONL, and that JSONL converted back to CoNLL.
func conllThroughJSONL(_ bytes: [UInt8]) throws -> (jsonl: String, conll: [UInt8]) {
  let jsonl = String(decoding: try writeJSONL(try readCoNLL(bytes)), as: UTF8.self)
  return (jsonl, try writeCoNLL(try readJSONL(jsonl)))
}

/// Bytes as printable ASCII, with escapes for everything else (an injective encoding,
/// so comparing two `visible` strings compares the bytes, with readable failures).
func visible(_ bytes: [UInt8]) -> String {
  var s = ""
  for b in bytes {
    switch b {
    case 0x0A: s += "\\n"
    case 0x0D: s += "\\r"
    case 0x09: s += "\\t"
    case 0x5C: s += "\\\\"
    case 0x20..<0x7F: s.unicodeScalars.append(UnicodeScalar(b))
    default: s += String(format: "\\x%02X", b)
    }
  }
  return s
}

func visible(_ text: String) -> String { visible(Array(text.utf8)) }

/// The sentences among `records`.
func sentences(_ records: [Record]) -> [Sentence] {
  records.compactMap { if case .sentence(let s) = $0 { return s } else { return nil } }
}

/// The document starts among `records`.
func documentStarts(_ records: [Record]) -> [DocumentStart] {
  records.compactMap { if case .documentStart(let d) = $0 { return d } else { return nil } }
}

/// Space-separated tags, parsed (a string that is not a tag fails the test).
func tags(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Tag] {
  text.split(separator: " ").map { t in
    guard let tag = Tag(parsing: String(t)) else {
      Issue.record("'\(t)' is not a tag", sourceLocation: sourceLocation)
      return Tag.outside
    }
    return tag
  }
}

/// Scores conlleval input text line by line through `addLines(from:)`.
func score(_ text: String, options: ConllevalScorer.Options = .init(), bufferSize: Int = 1 << 16) throws -> ScoreTable {
  var scorer = try ConllevalScorer(options: options)
  try withLineReader(text, bufferSize: bufferSize) { try scorer.addLines(from: $0) }
  return scorer.finish()
}

/// Scores conlleval input given as lines through `addLine(_:number:)`.
func scoreLines(_ lines: [String], options: ConllevalScorer.Options = .init()) throws -> ScoreTable {
  var scorer = try ConllevalScorer(options: options)
  for (i, line) in lines.enumerated() {
    let bytes = Array(line.utf8)
    try bytes.withUnsafeBufferPointer { try scorer.addLine($0, number: i + 1) }
  }
  return scorer.finish()
}

extension ConllevalScorer.Options {
  static func with(
    delimiter: String? = nil, raw: Bool = false, outsideTag: String = "O", strict: TagScheme? = nil,
    recordSpans: Bool = false
  ) -> Self {
    var o = Self()
    o.delimiter = delimiter
    o.raw = raw
    o.outsideTag = outsideTag
    o.strictScheme = strict
    o.recordSpans = recordSpans
    return o
  }
}

extension ScoreTable {
  /// The per-type rows as "NAME gold guessed correct".
  var rows: [String] {
    listing.map { "\(name($0.type)) \($0.gold) \($0.guessed) \($0.correct)" }
  }

  /// Spans with type names instead of ids.
  func named(_ spans: [(Int, Int, Int)]) -> [Span] {
    spans.map { Span(start: $0.0, end: $0.1, type: name($0.2)) }
  }
}
