#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style formatting through the C library, so numbers round exactly as Perl's
/// printf does.
public enum CFormat {
  public static func format(_ fmt: String, _ args: CVarArg...) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let n = withVaList(args) { vsnprintf(&buffer, buffer.count, fmt, $0) }
    if n >= buffer.count {
      buffer = [CChar](repeating: 0, count: Int(n) + 1)
      _ = withVaList(args) { vsnprintf(&buffer, buffer.count, fmt, $0) }
    }
    return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `%Ns` on bytes: right-aligned (left with `left`) to `width` bytes, never cut.
  public static func pad(_ bytes: [UInt8], _ width: Int, left: Bool = false) -> [UInt8] {
    let fill = [UInt8](repeating: 0x20, count: max(0, width - bytes.count))
    return left ? bytes + fill : fill + bytes
  }
}
