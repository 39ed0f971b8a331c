import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// A line redrawn in place at the bottom of stderr when stderr is a terminal (the
/// training bar of `ner-tag train`, the progress of long filters); nothing otherwise.
/// Cleared before other text is written to stderr through ``note(_:)`` and at the end.
public final class StatusLine {
  /// Whether stderr is a terminal.
  public let terminal: Bool
  private var shown = false

  public init(terminal: Bool = isatty(2) != 0) { self.terminal = terminal }

  /// Draws `text` in place of the current line (on a terminal).
  public func show(_ text: String) {
    guard terminal else { return }
    Diagnostics.write("\r\u{1B}[K" + text)
    shown = true
  }

  /// Writes a line of text above the status line.
  public func note(_ text: String) {
    clear()
    Diagnostics.write(text)
  }

  /// Erases the status line, if one is shown.
  public func clear() {
    guard shown else { return }
    Diagnostics.write("\r\u{1B}[K")
    shown = false
  }

  deinit { clear() }
}

/// The progress of a filter over a large input, shown on stderr when it is a terminal:
/// sentences and tokens done and tokens a second, at most twice a second, erased at the
/// end (``RecordPipeline/progress``).
public final class PipelineProgress {
  let tool: String
  let status: StatusLine
  let interval: Double
  private let start = Clock.now
  private var last = -Double.infinity
  private var sentences = 0
  private var tokens = 0

  /// A progress display for `tool`, or nil when stderr is not a terminal.
  public static func onTerminal(tool: String) -> PipelineProgress? {
    let status = StatusLine()
    return status.terminal ? PipelineProgress(tool: tool, status: status) : nil
  }

  public init(tool: String, status: StatusLine, interval: Double = 0.5) {
    self.tool = tool
    self.status = status
    self.interval = interval
  }

  /// Counts the sentences among `records`, and redraws when `interval` has passed since
  /// the last drawing (the first batch is drawn at once).
  public func add(_ records: [Record]) {
    for case .sentence(let s) in records {
      sentences += 1
      tokens += s.count
    }
    let now = Clock.now
    guard now - last >= interval else { return }
    last = now
    let rate = Double(tokens) / max(now - start, 1e-3)
    status.show("\(tool): \(sentences) sentences, \(tokens) tokens, \(Int(rate)) tokens/s, \(Clock.format(now - start))")
  }

  /// Erases the display.
  public func end() { status.clear() }
}
