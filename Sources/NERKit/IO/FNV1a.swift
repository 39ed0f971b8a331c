/// The 64-bit FNV-1a hash, used where a stable, platform-independent hash of bytes is
/// part of an output (sentence ids, model checksums).
public enum FNV1a {
  public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }
}
