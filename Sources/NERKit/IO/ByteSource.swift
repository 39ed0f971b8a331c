import CZlib

#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a file descriptor, decompressed when they are a gzip stream: the first
/// bytes read decide (gzip's magic 1f 8b), so pipes work as well as files. Concatenated
/// gzip members read as one stream; corrupt or truncated data is a ``DataError``.
final class ByteSource {
  private let fd: Int32
  private enum Mode { case undecided, plain, gzip }
  private var mode = Mode.undecided
  private var inflater: UnsafeMutableRawPointer?
  /// Compressed bytes read and not yet inflated.
  private var raw = [UInt8](repeating: 0, count: 1 << 16)
  private var rawStart = 0
  private var rawEnd = 0
  private var rawEOF = false
  /// Whether the last member ended exactly where the input ends.
  private var memberEnded = false

  init(fileDescriptor: Int32) { fd = fileDescriptor }

  deinit { czlib_inflater_free(inflater) }

  /// Reads up to `count` bytes (at least 2 asked for) into `out`; 0 at the end. `line`
  /// is the line being read, for messages.
  func read(into out: UnsafeMutablePointer<UInt8>, count: Int, line: Int) throws -> Int {
    switch mode {
    case .plain: return try readRaw(out, count)
    case .gzip: return try inflate(into: out, count: count, line: line)
    case .undecided:
      var n = 0
      while n < 2 {
        let got = try readRaw(out + n, count - n)
        if got == 0 { break }
        n += got
      }
      guard n >= 2, czlib_is_gzip(out, n) != 0 else {
        mode = .plain
        return n
      }
      mode = .gzip
      guard let made = czlib_inflater_new() else { throw IOFailure("out of memory for gzip") }
      inflater = made
      raw.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: out, count: n) }
      rawEnd = n
      return try inflate(into: out, count: count, line: line)
    }
  }

  private func readRaw(_ out: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    while true {
      let n = Glibc.read(fd, out, count)
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw IOFailure(String(cString: strerror(errno)))
    }
  }

  /// Inflates into `out` until some bytes come out or the input ends.
  private func inflate(into out: UnsafeMutablePointer<UInt8>, count: Int, line: Int) throws -> Int {
    while true {
      if rawStart == rawEnd && !rawEOF {
        rawStart = 0
        rawEnd = try raw.withUnsafeMutableBufferPointer { try readRaw($0.baseAddress!, $0.count) }
        rawEOF = rawEnd == 0
      }
      if rawStart == rawEnd {
        guard memberEnded else { throw DataError(line: line, "truncated gzip data") }
        return 0
      }
      if memberEnded {
        // Another member follows: it must be gzip too.
        guard rawEnd - rawStart >= 2 || rawEOF else { try topUp(); continue }
        let magic = raw.withUnsafeBufferPointer { czlib_is_gzip($0.baseAddress! + rawStart, rawEnd - rawStart) != 0 }
        guard magic else { throw DataError(line: line, "trailing bytes after the gzip data") }
        _ = czlib_inflater_reset(inflater)
        memberEnded = false
      }
      var consumed = 0, produced = 0
      var message = [CChar](repeating: 0, count: 128)
      let r = raw.withUnsafeBufferPointer { b in
        czlib_inflate(inflater, b.baseAddress! + rawStart, rawEnd - rawStart, &consumed, out, count, &produced, &message, 128)
      }
      if r < 0 { throw DataError(line: line, "corrupt gzip data: \(String(cString: message))") }
      rawStart += consumed
      if r == 1 { memberEnded = true }
      if produced > 0 { return produced }
    }
  }

  /// Moves the unread compressed bytes to the front and reads more after them.
  private func topUp() throws {
    let pending = rawEnd - rawStart
    raw.withUnsafeMutableBufferPointer { b in
      if pending > 0 && rawStart > 0 { (b.baseAddress!).update(from: b.baseAddress! + rawStart, count: pending) }
    }
    rawStart = 0
    rawEnd = pending
    let n = try raw.withUnsafeMutableBufferPointer { try readRaw($0.baseAddress! + pending, $0.count - pending) }
    rawEnd += n
    rawEOF = n == 0
  }
}
