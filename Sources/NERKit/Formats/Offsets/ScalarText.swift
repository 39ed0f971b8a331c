/// A text as UTF-8 bytes with the byte offset of each Unicode scalar, so that offsets in
/// scalars (code points, as Python counts) and in bytes convert both ways. Memory: the
/// bytes and one integer a scalar.
public struct ScalarText {
  public let bytes: [UInt8]
  /// The byte offset of each scalar, and the byte count last.
  private let starts: [Int]

  public init(_ text: String) {
    bytes = Array(text.utf8)
    var starts: [Int] = []
    starts.reserveCapacity(bytes.count + 1)
    for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
    starts.append(bytes.count)
    self.starts = starts
  }

  /// The number of scalars.
  public var count: Int { starts.count - 1 }

  /// The byte offset of scalar `i` (0...count).
  public func byteOffset(_ i: Int) -> Int { starts[i] }

  /// The scalar offset of byte `b`, a scalar boundary.
  public func scalarOffset(ofByte b: Int) -> Int {
    var lo = 0
    var hi = starts.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if starts[mid] < b { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The text of the scalars `range`.
  public func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
  }

  /// The bytes of the scalars `range`.
  public func byteRange(_ range: Range<Int>) -> Range<Int> { starts[range.lowerBound]..<starts[range.upperBound] }
}
