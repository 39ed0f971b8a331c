import NERCLI

/// Training progress on stderr: a line per iteration, and on a terminal a live bar
/// beneath them (NERCLI's ``StatusLine``).
final class ProgressReport {
  let quiet: Bool
  let maxIterations: Int?
  private let status = StatusLine()

  init(quiet: Bool, maxIterations: Int?) {
    self.quiet = quiet
    self.maxIterations = maxIterations
  }

  /// A line of information.
  func note(_ text: String) {
    guard !quiet else { return }
    status.note("ner-tag: \(text)\n")
  }

  /// An iteration's line, with the bar redrawn under it on a terminal.
  func iteration(_ n: Int, _ text: String) {
    guard !quiet else { return }
    note(text)
    var bar = "iteration \(n)"
    if let m = maxIterations, m < 1_000_000 {
      let width = 30
      let done = min(width, n * width / max(m, 1))
      bar = "[" + String(repeating: "#", count: done) + String(repeating: ".", count: width - done) + "] \(n)/\(m)"
    }
    status.show(bar)
  }
}
