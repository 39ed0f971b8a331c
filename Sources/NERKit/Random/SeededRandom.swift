/// A small deterministic random number generator (SplitMix64, as Vigna's splitmix64.c)
/// for initialization, shuffling, dropout and the scorer's bootstrap: the same seed gives
/// the same numbers on every platform.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A generator for a stream identified by several numbers (seed, epoch, sentence...),
  /// so that each stream is independent of the order streams are used in.
  public init(_ parts: UInt64...) {
    var s: UInt64 = 0x9E37_79B9_7F4A_7C15
    for p in parts {
      s = SeededRandom.mix(s ^ p &+ 0x632B_E59B_D9B4_E019)
    }
    state = s
  }

  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SeededRandom.mix(state)
  }

  /// A uniform number in [0, 1).
  public mutating func unit() -> Float { Float(next() >> 40) * (1.0 / Float(1 << 24)) }

  /// A uniform number in [-r, r).
  public mutating func uniform(_ r: Float) -> Float { (unit() * 2 - 1) * r }
}

/// The name the scorer's bootstrap and the tests knew ``SeededRandom`` by.
public typealias SplitMix64 = SeededRandom
