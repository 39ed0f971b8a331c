#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes word vectors in fastText's `.vec` text format, as MUSE exports mapped
/// embeddings.
///
/// A header line `COUNT DIMENSION` (unless `header` is false), then one line per word:
/// the word, a space, and the values separated by single spaces, each formatted as C's
/// `printf("%.*f", decimals, value)` (MUSE writes `%.5f`, the default here; fastText
/// writes shortest round-trip digits). Lines end with `\n`, with no trailing space.
/// ``VecReader`` reads the output back; values come back rounded to `decimals` places.
///
/// Formatting is exact: a fast fixed-point path for values whose rounding is not in
/// doubt, `snprintf` for the rest (half-way cases, large values, nan, inf). Rows are
/// formatted on several threads in blocks and written in order.
public enum VecWriter {
  /// Writes `embeddings` to `out` (not flushed).
  public static func write(
    _ embeddings: WordEmbeddings, to out: OutputBuffer, decimals: Int = 5, header: Bool = true,
    threads: Int = BatchWorkers<Void>.processorCount
  ) throws {
    precondition(decimals >= 0 && decimals <= 30, "VecWriter: decimals out of range")
    if header { try out.write("\(embeddings.count) \(embeddings.dimension)\n") }
    let rowsPerBlock = 2048
    let blocks = (embeddings.count + rowsPerBlock - 1) / rowsPerBlock
    let batch = max(1, threads) * 2
    var first = 0
    while first < blocks {
      let last = min(blocks, first + batch)
      var texts = [[UInt8]](repeating: [], count: last - first)
      texts.withUnsafeMutableBufferPointer { texts in
        let texts = UnsafeSendable(texts)
        let e = UnsafeSendable(embeddings)
        parallelBlocks(last - first, threads: threads) { k in
          let lo = (first + k) * rowsPerBlock
          let hi = min(e.value.count, lo + rowsPerBlock)
          texts.value[k] = format(e.value, rows: lo..<hi, decimals: decimals)
        }
      }
      for text in texts { try text.withUnsafeBufferPointer { try out.write($0) } }
      first = last
    }
  }

  /// The `.vec` text of `embeddings` (rules in the type's description).
  public static func text(_ embeddings: WordEmbeddings, decimals: Int = 5, header: Bool = true) -> String {
    let out = OutputBuffer()
    try! write(embeddings, to: out, decimals: decimals, header: header)
    return String(decoding: out.take(), as: UTF8.self)
  }

  /// The lines of `rows`.
  static func format(_ embeddings: WordEmbeddings, rows: Range<Int>, decimals: Int) -> [UInt8] {
    var buffer = ByteBuffer(capacity: rows.count * (embeddings.dimension * (decimals + 4) + 16))
    let d = embeddings.dimension
    embeddings.vectors.withUnsafeBufferPointer { v in
      for row in rows {
        var word = embeddings.words[row]
        word.withUTF8 { buffer.append($0) }
        for j in 0..<d {
          buffer.append(UInt8(ascii: " "))
          appendFixed(v[row * d + j], decimals: decimals, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
      }
    }
    return buffer.array
  }

  private static let powersOfTen: [Double] = (0...9).map { pow(10, Double($0)) }

  /// Appends `value` as `printf("%.*f", decimals, value)` would write it.
  static func appendFixed(_ value: Float, decimals: Int, to buffer: inout ByteBuffer) {
    if value.isFinite, decimals <= 9 {
      let scaled = Double(value.magnitude) * powersOfTen[decimals]
      // The product's error is below 1e-7 here, so the rounding is certain unless the
      // fraction is within 1e-6 of one half.
      let whole = scaled.rounded(.down)
      let fraction = scaled - whole
      if scaled < 1e9, abs(fraction - 0.5) > 1e-6 {
        var n = UInt64(whole) + (fraction > 0.5 ? 1 : 0)
        if value.sign == .minus { buffer.append(UInt8(ascii: "-")) }
        let unit = UInt64(powersOfTen[decimals])
        appendDigits(n / unit, minimum: 1, to: &buffer)
        if decimals > 0 {
          buffer.append(UInt8(ascii: "."))
          n %= unit
          appendDigits(n, minimum: decimals, to: &buffer)
        }
        return
      }
    }
    var chars = [CChar](repeating: 0, count: 400)
    let n = chars.withUnsafeMutableBufferPointer { b in
      withVaList([Int32(decimals), Double(value)]) { vsnprintf(b.baseAddress, b.count, "%.*f", $0) }
    }
    chars.withUnsafeBufferPointer { b in
      b.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: b.count) {
        buffer.append(UnsafeBufferPointer(start: $0, count: min(Int(n), b.count - 1)))
      }
    }
  }

  /// Appends the decimal digits of `n`, left-padded with zeros to `minimum` digits.
  @inline(__always)
  private static func appendDigits(_ n: UInt64, minimum: Int, to buffer: inout ByteBuffer) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var n = n
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(ascii: "0") + UInt8(n % 10)
        n /= 10
        count += 1
      } while n > 0
      while count < minimum {
        d[count] = UInt8(ascii: "0")
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[i]) }
    }
  }
}
