#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte strings to small integer ids without allocating per lookup.
///
/// Byte strings, not Swift `String`s: conlleval.pl compares bytes, so NFC and NFD
/// spellings of a type are two types, as they are here.
public struct ByteInterner {
  private var arena: [UInt8] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var slots: [Int32]
  private var mask: Int

  public init() {
    slots = [Int32](repeating: -1, count: 64)
    mask = 63
  }

  /// The number of distinct strings.
  public var count: Int { starts.count }

  /// The bytes of id `id`.
  public func bytes(_ id: Int) -> [UInt8] { Array(arena[starts[id]..<(starts[id] + lengths[id])]) }

  @inline(__always)
  private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// The id of `p`, adding it when new.
  @inline(__always)
  public mutating func intern(_ p: UnsafeBufferPointer<UInt8>) -> Int {
    var i = Self.hash(p) & mask
    while true {
      let s = Int(slots[i])
      if s < 0 { break }
      if lengths[s] == p.count && equal(s, p) { return s }
      i = (i + 1) & mask
    }
    let id = starts.count
    starts.append(arena.count)
    lengths.append(p.count)
    arena.append(contentsOf: p)
    slots[i] = Int32(id)
    if starts.count * 2 > slots.count { grow() }
    return id
  }

  /// The id of a Swift byte array.
  public mutating func intern(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { intern($0) }
  }

  private func equal(_ id: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    if p.count == 0 { return true }
    return arena.withUnsafeBufferPointer { a in
      let base = starts[id]
      if p.count <= 16 {
        for i in 0..<p.count where a[base + i] != p[i] { return false }
        return true
      }
      return memcmp(a.baseAddress! + base, p.baseAddress!, p.count) == 0
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for id in 0..<starts.count {
      let h = arena.withUnsafeBufferPointer { a in
        Self.hash(UnsafeBufferPointer(rebasing: a[starts[id]..<(starts[id] + lengths[id])]))
      }
      var i = h & mask
      while slots[i] >= 0 { i = (i + 1) & mask }
      slots[i] = Int32(id)
    }
  }
}
