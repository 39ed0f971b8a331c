#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reading or writing a file descriptor (the tools exit 74 on it).
public struct IOFailure: Error, CustomStringConvertible {
  public var message: String
  /// The file it happened on, when the thrower knows it (an output's name).
  public var file: String?
  public init(_ message: String, file: String? = nil) {
    self.message = message
    self.file = file
  }
  public var description: String { message }
}

/// Reads a file descriptor line by line in bounded memory, gzip-compressed or not.
///
/// Lines are split at `\n` only; the `\n` is not part of the line, a `\r` before it is
/// (callers that care about CRLF strip it, and can tell it was there). A last line
/// without `\n` is returned with `terminated == false`. The bytes handed out stay valid
/// until the next call to ``next()``. Memory is one buffer as long as the longest line.
public final class LineReader {
  /// A line's bytes (without the `\n`), whether a `\n` ended it, and its number.
  public struct Line {
    public var bytes: UnsafeBufferPointer<UInt8>
    public var terminated: Bool
    public var number: Int
  }

  private let source: ByteSource
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var eof = false
  /// The number of the last line returned (1-based; 0 before the first).
  public private(set) var lineNumber = 0

  /// Reads from an open file descriptor; the caller keeps ownership of it. A gzip stream
  /// (one that starts with the bytes 1f 8b) is decompressed on the way.
  public init(fileDescriptor: Int32, bufferSize: Int = 1 << 16) {
    self.source = ByteSource(fileDescriptor: fileDescriptor)
    self.capacity = max(bufferSize, 16)
    self.buffer = .allocate(capacity: capacity)
  }

  deinit { buffer.deallocate() }

  /// The next line, or nil at the end of the input.
  public func next() throws -> Line? {
    var scanned = 0  // bytes after `start` already known to hold no newline
    while true {
      if let nl = findNewline(from: start + scanned) {
        let line = UnsafeBufferPointer(start: buffer + start, count: nl - start)
        start = nl + 1
        lineNumber += 1
        return Line(bytes: line, terminated: true, number: lineNumber)
      }
      if eof {
        guard start < end else { return nil }
        let line = UnsafeBufferPointer(start: buffer + start, count: end - start)
        start = end
        lineNumber += 1
        return Line(bytes: line, terminated: false, number: lineNumber)
      }
      scanned = end - start
      try fill()
    }
  }

  /// The next bytes of the input, as many as are read ahead (at least one), cut anywhere;
  /// nil at the end. For scanners that find their own record ends in input that may be
  /// one long line (a JSON array); do not mix with ``next()``; ``lineNumber`` does not
  /// advance. The bytes stay valid until the next call.
  public func nextChunk() throws -> UnsafeBufferPointer<UInt8>? {
    while start == end {
      if eof { return nil }
      try fill()
    }
    let chunk = UnsafeBufferPointer(start: buffer + start, count: end - start)
    start = end
    return chunk
  }

  /// The next block of whole lines: everything up to and including the last `\n` read so
  /// far (at the end of the input, the rest). For scanners that split lines themselves;
  /// do not mix with ``next()``, and note that ``lineNumber`` does not advance.
  public func nextBlock() throws -> UnsafeBufferPointer<UInt8>? {
    while true {
      if start < end {
        var nl = end - 1
        while nl >= start && buffer[nl] != 0x0A { nl -= 1 }
        if nl >= start {
          let block = UnsafeBufferPointer(start: buffer + start, count: nl + 1 - start)
          start = nl + 1
          return block
        }
        if eof {
          let block = UnsafeBufferPointer(start: buffer + start, count: end - start)
          start = end
          return block
        }
      } else if eof {
        return nil
      }
      try fill()
    }
  }

  /// The first byte that is not a space, tab, CR or LF, without consuming anything;
  /// nil when the input holds nothing else. Reads ahead as far as needed.
  public func peekFirstNonBlankByte() throws -> UInt8? {
    var i = start
    while true {
      while i < end {
        let b = buffer[i]
        if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { return b }
        i += 1
      }
      if eof { return nil }
      let offset = i - start
      try fill()
      i = start + offset
    }
  }

  private func findNewline(from index: Int) -> Int? {
    guard index < end else { return nil }
    if let p = memchr(buffer + index, 0x0A, end - index) {
      return buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
    return nil
  }

  /// Moves the unread bytes to the front, grows the buffer if it is full, reads more.
  private func fill() throws {
    if start > 0 {
      let pending = end - start
      if pending > 0 { memmove(buffer, buffer + start, pending) }
      start = 0
      end = pending
    }
    if end == capacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      bigger.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = bigger
      capacity *= 2
    }
    let n = try source.read(into: buffer + end, count: capacity - end, line: lineNumber + 1)
    if n > 0 { end += n } else { eof = true }
  }
}

extension LineReader {
  /// The rest of the input as text; invalid UTF-8 is a ``DataError`` at its line.
  public func readAllText() throws -> String {
    var text = ""
    while let line = try next() {
      guard let s = UTF8Text.decode(line.bytes) else { throw DataError(line: line.number, "invalid UTF-8") }
      text += s
      if line.terminated { text += "\n" }
    }
    return text
  }
}
