/// Little-endian binary writing for model files.
public struct ByteWriter: Sendable {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
  public mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
  public mutating func f64(_ v: Double) { u64(v.bitPattern) }

  /// A UInt32 byte count and the UTF-8 bytes.
  public mutating func string(_ s: String) {
    u32(UInt32(s.utf8.count))
    bytes += Array(s.utf8)
  }

  /// A UInt32 count and the strings.
  public mutating func strings(_ list: [String]) {
    u32(UInt32(list.count))
    for s in list { string(s) }
  }

  /// A UInt32 count and key, value strings.
  public mutating func pairs(_ list: [(String, String)]) {
    u32(UInt32(list.count))
    for (k, v) in list { string(k); string(v) }
  }

  /// A UInt64 count and Float32 values.
  public mutating func floats(_ values: [Float]) {
    u64(UInt64(values.count))
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: 4 * values.count))
    bytes.withUnsafeMutableBufferPointer { out in
      for (i, v) in values.enumerated() {
        let b = v.bitPattern
        for k in 0..<4 { out[start + 4 * i + k] = UInt8(truncatingIfNeeded: b >> (8 * UInt32(k))) }
      }
    }
  }
}

/// Little-endian binary reading that fails cleanly past the end: every count read is
/// checked against the bytes left before anything is allocated.
public final class ByteReader {
  let bytes: [UInt8]
  public private(set) var position: Int

  public init(_ bytes: [UInt8], from position: Int) {
    self.bytes = bytes
    self.position = position
  }

  /// The bytes not read yet.
  public var remaining: Int { bytes.count - position }

  public func take(_ n: Int) throws -> ArraySlice<UInt8> {
    guard n >= 0, n <= remaining else { throw DataError(line: 0, "damaged model: truncated") }
    defer { position += n }
    return bytes[position..<(position + n)]
  }

  public func u32() throws -> UInt32 {
    var v: UInt32 = 0
    for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
    return v
  }

  public func u64() throws -> UInt64 {
    var v: UInt64 = 0
    for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
    return v
  }

  public func f64() throws -> Double { Double(bitPattern: try u64()) }

  public func string() throws -> String {
    let n = Int(try u32())
    guard let s = String(validating: try take(n), as: UTF8.self) else { throw DataError(line: 0, "damaged model: invalid text") }
    return s
  }

  /// A UInt32 count of items of at least `itemSize` bytes each, checked against the
  /// bytes left (or against `limit`, when smaller).
  public func count(limit: Int = .max, itemSize: Int = 1) throws -> Int {
    let n = Int(try u32())
    guard n <= limit, n <= remaining / max(itemSize, 1) else { throw DataError(line: 0, "damaged model: bad count") }
    return n
  }

  public func strings() throws -> [String] {
    var list: [String] = []
    for _ in 0..<(try count(itemSize: 4)) { list.append(try string()) }
    return list
  }

  /// A model's labels: a counted list of strings, at least one, each written as a tag
  /// column can hold it (not empty, no whitespace or control characters), none twice.
  public func labels() throws -> [String] {
    let labels = try strings()
    guard !labels.isEmpty else { throw DataError(line: 0, "damaged model: no labels") }
    for label in labels {
      guard !label.isEmpty, !label.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
        throw DataError(line: 0, "damaged model: label '\(label)' cannot be written as a tag")
      }
    }
    guard Set(labels).count == labels.count else { throw DataError(line: 0, "damaged model: a label twice") }
    return labels
  }

  public func pairs() throws -> [(String, String)] {
    var list: [(String, String)] = []
    for _ in 0..<(try count(itemSize: 8)) { list.append((try string(), try string())) }
    return list
  }

  /// A count that must be `expected`, and that many Float32 values.
  public func floats(expected: Int) throws -> [Float] {
    let n = try u64()
    guard n == UInt64(expected) else { throw DataError(line: 0, "damaged model: \(n) weights where the layout needs \(expected)") }
    guard expected <= remaining / 4 else { throw DataError(line: 0, "damaged model: truncated") }
    let raw = try take(4 * expected)
    var out = [Float](repeating: 0, count: expected)
    raw.withUnsafeBufferPointer { b in
      for i in 0..<expected {
        let bits = UInt32(b[4 * i]) | UInt32(b[4 * i + 1]) << 8 | UInt32(b[4 * i + 2]) << 16 | UInt32(b[4 * i + 3]) << 24
        out[i] = Float(bitPattern: bits)
      }
    }
    return out
  }

  /// Fails unless everything was read.
  public func done() throws {
    guard remaining == 0 else { throw DataError(line: 0, "damaged model: unexpected trailing bytes") }
  }
}
