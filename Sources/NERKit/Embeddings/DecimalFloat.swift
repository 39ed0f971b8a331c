#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing decimal numbers to `Float`, correctly rounded, for ``VecReader``.
///
/// The common case of a `.vec` file, at most 24 significant bits of digits and a small
/// decimal exponent (`-0.0653`, `1.5e-3`), is Clinger's fast path: an exact integer and
/// an exact power of ten, one correctly rounded IEEE multiplication or division. Every
/// other number (long mantissas, large exponents, `nan`, `inf`, hexadecimal) goes to the
/// C library's `strtof` on a NUL-terminated copy, so the result is always the correctly
/// rounded value `strtof` gives.
enum DecimalFloat {
  /// Exact powers of ten in Float (10^10 < 2^24 · 2^10, and 5^10 < 2^24).
  private static let powers: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

  /// The number spelled by the bytes `[start, end)` (the whole range must be the
  /// number), or nil when it is not one.
  @inline(__always)
  static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Float? {
    var p = start
    guard p < end else { return nil }
    var negative = false
    if p.pointee == UInt8(ascii: "-") {
      negative = true
      p += 1
    } else if p.pointee == UInt8(ascii: "+") {
      p += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0  // significant digits taken into the mantissa
    var exponent = 0
    var sawDigit = false
    while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
      sawDigit = true
      if mantissa != 0 || d != 0 {
        mantissa = mantissa &* 10 &+ UInt64(d)
        digits += 1
      }
      p += 1
    }
    if p < end, p.pointee == UInt8(ascii: ".") {
      p += 1
      while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
        sawDigit = true
        if mantissa != 0 || d != 0 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          digits += 1
        }
        exponent -= 1
        p += 1
      }
    }
    guard sawDigit, digits <= 19 else { return slow(start, end) }
    if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
      p += 1
      var negativeExponent = false
      if p < end, p.pointee == UInt8(ascii: "-") {
        negativeExponent = true
        p += 1
      } else if p < end, p.pointee == UInt8(ascii: "+") {
        p += 1
      }
      var e = 0
      var sawExponentDigit = false
      while p < end, case let d = p.pointee &- UInt8(ascii: "0"), d < 10 {
        sawExponentDigit = true
        if e < 100_000 { e = e * 10 + Int(d) }
        p += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += negativeExponent ? -e : e
    }
    guard p == end else { return slow(start, end) }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    guard mantissa <= 1 << 24, exponent >= -10, exponent <= 10 else { return slow(start, end) }
    let m = Float(mantissa)
    let value = exponent < 0 ? m / powers[-exponent] : m * powers[exponent]
    return negative ? -value : value
  }

  /// `strtof` on a NUL-terminated copy; nil unless it takes every byte.
  private static func slow(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Float? {
    let n = end - start
    guard n > 0, n < 512 else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Float? in
      let b = buffer.baseAddress!
      for i in 0..<n { b[i] = CChar(bitPattern: start[i]) }
      b[n] = 0
      var stop: UnsafeMutablePointer<CChar>? = nil
      let value = strtof(b, &stop)
      return stop == b + n ? value : nil
    }
  }
}
