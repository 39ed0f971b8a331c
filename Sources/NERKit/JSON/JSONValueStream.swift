/// Cuts a stream of JSON text into its top-level values one at a time, in memory bounded
/// by the largest value: the elements of one top-level array (`[{...}, {...}]`, as Label
/// Studio and spaCy export), or objects and arrays one after the other (one a line, as in
/// JSONL). Each value comes with the line it starts on, for messages; ``JSONScanner``
/// then reads it. The input may be one long line: it is read in chunks, not lines.
public final class JSONValueStream {
  private let lines: LineReader
  private var chunk: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  private var index = 0
  /// The line of the next byte (1-based).
  private var line = 1

  private enum State { case start, afterElement, sequence, done }
  private var state = State.start

  /// A value's bytes and the line it starts on.
  public struct Value {
    public var bytes: [UInt8]
    public var line: Int
  }

  public init(lines: LineReader) { self.lines = lines }

  /// The next byte, or nil at the end of the input.
  private func nextByte() throws -> UInt8? {
    if index == chunk.count {
      guard let c = try lines.nextChunk() else { return nil }
      chunk = c
      index = 0
    }
    let b = chunk[index]
    index += 1
    if b == 0x0A { line += 1 }
    return b
  }

  /// The next byte that is not JSON whitespace, or nil at the end.
  private func nextNonBlank() throws -> UInt8? {
    while let b = try nextByte() {
      if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { return b }
    }
    return nil
  }

  /// The next value, or nil at the end of the input (of the array).
  public func next() throws -> Value? {
    while true {
      switch state {
      case .done:
        if let b = try nextNonBlank() {
          throw DataError(line: line, "invalid JSON: '\(Character(UnicodeScalar(b)))' after the end of the array")
        }
        return nil
      case .start:
        guard let b = try nextNonBlank() else { return nil }
        if b == UInt8(ascii: "[") {
          guard let first = try nextNonBlank() else { throw DataError(line: line, "invalid JSON: unterminated array") }
          if first == UInt8(ascii: "]") { state = .done; continue }
          state = .afterElement
          return try value(first)
        }
        state = .sequence
        return try value(b)
      case .sequence:
        guard let b = try nextNonBlank() else { return nil }
        return try value(b)
      case .afterElement:
        guard let b = try nextNonBlank() else { throw DataError(line: line, "invalid JSON: unterminated array") }
        if b == UInt8(ascii: "]") { state = .done; continue }
        guard b == UInt8(ascii: ",") else { throw DataError(line: line, "invalid JSON: expected ',' or ']' between the array's elements") }
        guard let first = try nextNonBlank() else { throw DataError(line: line, "invalid JSON: unterminated array") }
        return try value(first)
      }
    }
  }

  /// Reads the object or array that starts with `first` up to its closing bracket.
  private func value(_ first: UInt8) throws -> Value {
    let startLine = line
    guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
      throw DataError(line: startLine, "invalid JSON: expected an object or an array, found '\(Character(UnicodeScalar(first)))'")
    }
    var bytes: [UInt8] = [first]
    var depth = 1
    var inString = false
    var escaped = false
    while depth > 0 {
      guard let b = try nextByte() else { throw DataError(line: startLine, "invalid JSON: the value that starts here is not closed") }
      bytes.append(b)
      if inString {
        if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == 0x22 { inString = false }
        continue
      }
      switch b {
      case 0x22: inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        if depth > 512 { throw DataError(line: line, "invalid JSON: nesting too deep") }
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
    return Value(bytes: bytes, line: startLine)
  }
}
