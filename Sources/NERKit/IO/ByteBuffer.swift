/// A growable buffer of bytes for building output, which cannot be copied: an append is a
/// capacity check and a copy, without the uniqueness checks of an array.
public struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The number of bytes in the buffer.
  public private(set) var count = 0

  public init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  public mutating func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count += 1
  }

  @inline(__always)
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    if bytes.count <= 16 {
      // Short: a loop beats a call to memcpy.
      for i in 0..<bytes.count { base[count + i] = source[i] }
    } else {
      (base + count).update(from: source, count: bytes.count)
    }
    count += bytes.count
  }

  public mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  /// Appends the UTF-8 of a literal.
  @inline(__always)
  public mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// The byte at `index` (below ``count``).
  public subscript(index: Int) -> UInt8 {
    precondition(index >= 0 && index < count, "ByteBuffer index out of range")
    return base[index]
  }

  /// Removes the last `k` bytes.
  public mutating func removeLast(_ k: Int) {
    precondition(k >= 0 && k <= count, "ByteBuffer count out of range")
    count -= k
  }

  public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes, copied into an array.
  public var array: [UInt8] { withUnsafeBytes { Array($0) } }

  private mutating func grow(to needed: Int) {
    let bigger = max(needed, 2 * capacity)
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
    storage.update(from: base, count: count)
    base.deallocate()
    base = storage
    capacity = bigger
  }
}
