#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads word vectors in fastText's `.vec` text format (also MUSE's and word2vec's text
/// format).
///
/// The format, and what this reader accepts:
///
/// - An optional header line `COUNT DIMENSION`: a first line of exactly two fields,
///   both decimal integers, the dimension positive. A first line of two fields that are
///   not such numbers, or of one field, is a bad header. A first line of three fields or
///   more is already a vector (no header), and fixes the dimension. `COUNT` is only a
///   hint: the file may hold fewer or more vectors (files cut with `head` keep their
///   header).
/// - Then one word a line: the word is everything before the line's first space (any
///   other bytes, tabs included, belong to it), followed by exactly `DIMENSION` numbers
///   separated by runs of spaces. Spaces at the end of a line (fastText writes one) and a
///   `\r` before the `\n` are ignored; the last line may lack its `\n`; empty lines are
///   skipped. Numbers are decimal, as `strtof` reads them, correctly rounded to `Float`.
/// - A word seen before is dropped with its vector, keeping the first (as MUSE does).
///   Words are decoded as UTF-8, invalid bytes replaced by U+FFFD.
///
/// Errors are ``DataError``s with the 1-based line number: a bad header, a line with the
/// wrong number of values (`expected 300 values, found 299`), a value that is not a
/// finite number (`nan`, `inf` and numbers too large for `Float` are errors), or a header
/// whose dimension is more than the file can hold (checked before anything is allocated). The whole input is checked, unless `maxVocab` stops reading early.
///
/// Speed: a regular file is memory-mapped, and the text after the header is cut at line
/// boundaries into pieces parsed on `threads` threads; the result does not depend on the
/// thread count.
public enum VecReader {
  /// Reads all of an open file descriptor (the caller keeps and closes it). A regular
  /// file is memory-mapped; anything else (a pipe) is read into memory first.
  ///
  /// - Parameters:
  ///   - maxVocab: keep only the first `maxVocab` distinct words (nil: all). Lines after
  ///     the last kept word are not read.
  ///   - threads: parsing threads (at least 1).
  /// - Throws: ``DataError`` on bad data, ``IOFailure`` when reading fails.
  public static func read(
    fileDescriptor fd: Int32, maxVocab: Int? = nil, threads: Int = BatchWorkers<Void>.processorCount
  ) throws -> WordEmbeddings {
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
      let size = Int(info.st_size)
      if let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
        defer { munmap(map, size) }
        _ = madvise(map, size, MADV_SEQUENTIAL)
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
        return try parse(bytes, maxVocab: maxVocab, threads: threads)
      }
    }
    var all: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw IOFailure(String(cString: strerror(errno)))
      }
      if n == 0 { break }
      all.append(contentsOf: chunk[0..<n])
    }
    return try all.withUnsafeBufferPointer { try parse($0, maxVocab: maxVocab, threads: threads) }
  }

  /// Parses the text of a `.vec` file (rules in the type's description).
  public static func parse(
    _ text: String, maxVocab: Int? = nil, threads: Int = BatchWorkers<Void>.processorCount
  ) throws -> WordEmbeddings {
    var text = text
    return try text.withUTF8 { try parse($0, maxVocab: maxVocab, threads: threads) }
  }

  /// Parses the bytes of a `.vec` file (rules in the type's description).
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, maxVocab: Int? = nil, threads: Int = BatchWorkers<Void>.processorCount
  ) throws -> WordEmbeddings {
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      throw DataError(line: 0, "empty embeddings file: expected a 'COUNT DIMENSION' header or a vector")
    }
    let end = base + bytes.count
    // The first non-empty line decides between a header and a first vector.
    var lineNumber = 1
    var start = base
    var firstEnd = lineEnd(start, end)
    while contentEnd(start, firstEnd) == start, firstEnd < end {
      start = firstEnd + 1
      lineNumber += 1
      firstEnd = lineEnd(start, end)
    }
    let first = fields(start, contentEnd(start, firstEnd))
    let dimension: Int
    var countHint = 0
    var body = start
    var bodyLine = lineNumber
    switch first.count {
    case 0:
      throw DataError(line: 0, "empty embeddings file: expected a 'COUNT DIMENSION' header or a vector")
    case 1, 2:
      let text = String(decoding: UnsafeBufferPointer(start: start, count: contentEnd(start, firstEnd) - start), as: UTF8.self)
      guard first.count == 2, let count = Int(first[0]), let dim = Int(first[1]), count >= 0, dim > 0 else {
        throw DataError(line: lineNumber, "bad header '\(text)': expected 'COUNT DIMENSION', two integers, the dimension positive")
      }
      body = firstEnd < end ? firstEnd + 1 : end
      bodyLine = lineNumber + 1
      // A vector of DIMENSION values takes at least 2 bytes a value (a space and a
      // digit): a larger dimension is damage, found before anything is allocated. A
      // header alone (or with blank lines) is a file of no vectors.
      if UnsafeBufferPointer(start: body, count: end - body).allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) {
        body = end
      }
      guard body == end || dim <= (end - body) / 2 else {
        throw DataError(line: lineNumber, "bad header '\(text)': \(dim) values a vector, more than the \(end - body) bytes after the header can hold")
      }
      dimension = dim
      countHint = count
    default:
      dimension = first.count - 1
    }
    let limit = maxVocab.map { max(0, $0) } ?? Int.max
    var words: [String] = []
    var vectors: [Float] = []
    var rowOfWord: [String: Int] = [:]
    // The count is a hint, bounded by what the file can hold.
    let expected = body == end ? 0 : min(limit, countHint > 0 ? countHint : Int.max, (end - body) / dimension / 2 + 1)
    words.reserveCapacity(expected)
    vectors.reserveCapacity(expected * dimension)
    rowOfWord.reserveCapacity(expected)
    // Parse line ranges until enough distinct words or the end: with maxVocab, each
    // round takes as many lines as words still wanted.
    while body < end, words.count < limit {
      var stop = end
      if limit != Int.max {
        stop = body
        var lines = 0
        while stop < end, lines < limit - words.count {
          stop = lineEnd(stop, end)
          if stop < end { stop += 1 }
          lines += 1
        }
      }
      let pieces = parsePieces(body, stop, firstLine: bodyLine, dimension: dimension, threads: threads)
      for piece in pieces {
        if let error = piece.error { throw error }
        for (i, word) in piece.words.enumerated() where words.count < limit {
          if rowOfWord[word] != nil { continue }
          rowOfWord[word] = words.count
          words.append(word)
          vectors.append(contentsOf: piece.vectors[(i * dimension)..<((i + 1) * dimension)])
        }
        bodyLine += piece.lines
      }
      body = stop
    }
    return WordEmbeddings(uniqueWords: words, dimension: dimension, vectors: vectors, rowOfWord: rowOfWord)
  }

  /// What one thread parsed: its words and vectors in order, how many lines it read, and
  /// its first error (numbered within the file).
  private struct Piece {
    var words: [String] = []
    var vectors: [Float] = []
    var lines = 0
    var error: DataError?
  }

  /// Parses the lines of `[start, stop)` (which begins a line) in pieces cut at line
  /// boundaries, on up to `threads` threads.
  private static func parsePieces(
    _ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>, firstLine: Int, dimension: Int, threads: Int
  ) -> [Piece] {
    let size = stop - start
    // Small inputs in one piece; large ones in pieces of about 8 MB, at least 2 per thread.
    let count = size < 1 << 20 ? 1 : max(2 * max(1, threads), size / (8 << 20))
    var bounds = [start]
    for k in 1..<max(count, 1) {
      var cut = max(bounds.last!, start + size * k / count)
      if cut > start, cut < stop, cut[-1] != UInt8(ascii: "\n") { cut = min(stop, lineEnd(cut, stop) + 1) }
      bounds.append(cut)
    }
    bounds.append(stop)
    var pieces = [Piece](repeating: Piece(), count: count)
    pieces.withUnsafeMutableBufferPointer { out in
      let out = UnsafeSendable(out)
      let b = UnsafeSendable(bounds)
      parallelBlocks(count, threads: threads) { k in
        out.value[k] = parsePiece(b.value[k], b.value[k + 1], dimension: dimension)
      }
    }
    // Number lines within the file: each piece's error line is relative to its start.
    var line = firstLine
    for k in pieces.indices {
      if var error = pieces[k].error {
        error.line += line - 1
        pieces[k].error = error
        return Array(pieces[...k])
      }
      line += pieces[k].lines
    }
    return pieces
  }

  /// Parses whole lines in `[start, stop)`; error line numbers are 1-based within it.
  private static func parsePiece(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>, dimension: Int) -> Piece {
    var piece = Piece()
    let estimate = (stop - start) / max(1, 7 * dimension + 8)
    piece.words.reserveCapacity(estimate)
    piece.vectors.reserveCapacity(estimate * dimension)
    var p = start
    var values = [Float](repeating: 0, count: dimension)
    while p < stop {
      let eol = lineEnd(p, stop)
      let content = contentEnd(p, eol)
      piece.lines += 1
      defer { p = eol < stop ? eol + 1 : stop }
      if content == p { continue }
      var q = p
      while q < content, q.pointee != UInt8(ascii: " ") { q += 1 }
      let wordEnd = q
      var found = 0
      var failed: (Int, UnsafePointer<UInt8>, UnsafePointer<UInt8>)? = nil
      values.withUnsafeMutableBufferPointer { v in
        while true {
          while q < content, q.pointee == UInt8(ascii: " ") { q += 1 }
          if q == content { break }
          let numberStart = q
          while q < content, q.pointee != UInt8(ascii: " ") { q += 1 }
          if found < dimension {
            guard let x = DecimalFloat.parse(numberStart, q), x.isFinite else {
              failed = (found + 1, numberStart, q)
              return
            }
            v[found] = x
          }
          found += 1
        }
      }
      let word = { String(decoding: UnsafeBufferPointer(start: p, count: wordEnd - p), as: UTF8.self) }
      if let (position, a, b) = failed {
        let text = String(decoding: UnsafeBufferPointer(start: a, count: b - a), as: UTF8.self)
        piece.error = DataError(line: piece.lines, "value \(position) of '\(word())' is not a finite number: '\(text)'")
        return piece
      }
      guard found == dimension else {
        piece.error = DataError(line: piece.lines, "'\(word())' has \(found) values, expected \(dimension)")
        return piece
      }
      piece.words.append(word())
      piece.vectors.append(contentsOf: values)
    }
    return piece
  }

  /// The position of the next `\n` at or after `p`, or `end`.
  @inline(__always)
  private static func lineEnd(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    guard p < end, let found = memchr(p, Int32(UInt8(ascii: "\n")), end - p) else { return end }
    return UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
  }

  /// The end of a line's content: before a `\r` and any spaces at its end.
  @inline(__always)
  private static func contentEnd(_ p: UnsafePointer<UInt8>, _ eol: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    var e = eol
    while e > p, e[-1] == UInt8(ascii: " ") || e[-1] == UInt8(ascii: "\r") { e -= 1 }
    return e
  }

  /// The space-separated fields of `[p, e)`, as strings.
  private static func fields(_ p: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> [Substring] {
    String(decoding: UnsafeBufferPointer(start: p, count: e - p), as: UTF8.self)
      .split(separator: " ", omittingEmptySubsequences: true)
  }
}
