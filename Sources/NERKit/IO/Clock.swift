#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time and number formatting for progress reports.
public enum Clock {
  /// Seconds on a monotonic clock.
  public static var now: Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Seconds as `12.3s` or `4m05s`.
  public static func format(_ seconds: Double) -> String {
    if seconds < 60 { return CFormat.format("%.1fs", seconds) }
    let s = Int(seconds.rounded())
    return CFormat.format("%dm%02ds", s / 60, s % 60)
  }

  /// A number with 6 significant digits.
  public static func number(_ x: Double) -> String { CFormat.format("%.6g", x) }
}
