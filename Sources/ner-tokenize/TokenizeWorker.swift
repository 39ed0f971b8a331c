#if canImport(Glibc)
import Glibc
#endif
import NERKit

/// One thread's tokenizer: turns chunks of input lines into output bytes.
struct TokenizeWorker {
  let tokenizer: Tokenizer
  let writer: TokenizedLineWriter
  /// Replace invalid UTF-8 with U+FFFD instead of stopping at it.
  let replaceInvalid: Bool

  /// What ``run(_:)`` made of a chunk.
  struct Result {
    /// The sentences of the chunk's lines, written.
    var output: [UInt8]
    /// The number of lines in the chunk.
    var lines: Int
    /// The line (from 0) with invalid UTF-8 that stopped the chunk, if any; `output`
    /// holds the lines before it.
    var invalidLine: Int?
  }

  /// Tokenizes the lines of `chunk` (split at LF; a CR before it is dropped; empty lines
  /// are skipped) and writes their sentences; `occurrences` holds each line's occurrence
  /// (see ``LineOccurrences``).
  func run(_ chunk: UnsafeBufferPointer<UInt8>, occurrences: ArraySlice<Int32>) -> Result {
    var output = ByteBuffer(capacity: chunk.count * 5 / 2)
    var tokenized = TokenizedLine()
    var lines = 0
    var invalidLine: Int?
    Self.forEachLine(of: chunk) { line in
      defer { lines += 1 }
      guard !line.isEmpty else { return true }
      let occurrence = Int(occurrences[occurrences.startIndex + lines])
      if UTF8Text.isValid(line) {
        tokenizer.tokenize(line, into: &tokenized)
        writer.write(line, tokenized, occurrence: occurrence, to: &output)
      } else if replaceInvalid {
        Array(String(decoding: line, as: UTF8.self).utf8).withUnsafeBufferPointer { line in
          tokenizer.tokenize(line, into: &tokenized)
          writer.write(line, tokenized, occurrence: occurrence, to: &output)
        }
      } else {
        invalidLine = lines
        return false
      }
      return true
    }
    if let invalidLine { return Result(output: output.array, lines: invalidLine, invalidLine: invalidLine) }
    return Result(output: output.array, lines: lines, invalidLine: nil)
  }

  /// Calls `body` with each line of `bytes` (split at LF, a CR before it dropped; empty
  /// lines too) until it returns false.
  static func forEachLine(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
    var start = 0
    while start < bytes.count {
      var end = bytes.count
      if let nl = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
        end = bytes.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
      }
      let next = end + 1
      if end > start && bytes[end - 1] == 0x0D { end -= 1 }
      if !body(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return }
      start = next
    }
  }

  /// `bytes` (whole lines) cut into about `count` chunks of whole lines of about the same
  /// size, as ranges.
  static func chunks(of bytes: [UInt8], count: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = 0
    for k in 1...count {
      var end = bytes.count * k / count
      // Move the cut to just after a line end.
      while end < bytes.count && end > start && bytes[end - 1] != 0x0A { end += 1 }
      if end > start {
        chunks.append(start..<end)
        start = end
      }
    }
    return chunks
  }
}
