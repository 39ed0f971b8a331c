import Foundation
import Testing

/// The figures table of repro/README.md is generated (`make -C repro figures`, through
/// `repro/collect.sh --readme`) from the benchmark reports kept in repro/reports/,
/// never copied by hand: regenerating it from those reports gives the same bytes.
@Suite
struct ReproFiguresTests {
  static let repro = DocExamplesTests.root.appendingPathComponent("repro")

  @Test func tableIsWhatTheReportsGive() throws {
    let readme = Self.repro.appendingPathComponent("README.md")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ner-repro-\(UUID().uuidString).md")
    try FileManager.default.copyItem(at: readme, to: copy)
    defer { try? FileManager.default.removeItem(at: copy) }
    let r = try DocExamplesTests.run(
      "bash repro/collect.sh --readme repro/reports \(copy.path)", in: DocExamplesTests.root)
    #expect(r.status == 0, "\(r.stderr)")
    let committed = try String(contentsOf: readme, encoding: .utf8)
    let generated = try String(contentsOf: copy, encoding: .utf8)
    #expect(committed == generated, "repro/README.md's table is not what `make -C repro figures` writes:\n\(generated)")
    #expect(generated.contains("| area | figure |"), "no table between the figures markers")
  }

  /// A row with a figure comes from a report in repro/reports/: the romanization speed
  /// is measured with every language in one process (uroman's start-up counted once).
  @Test func romanizeFigureIsOneProcess() throws {
    let report = try String(contentsOf: Self.repro.appendingPathComponent("reports/romanize.md"), encoding: .utf8)
    #expect(report.contains("| one process |"), "bench/romanize.sh's report lacks the one-process row")
    let readme = try String(contentsOf: Self.repro.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("one process a tool"), "repro/README.md's romanize row is not the one-process figure")
  }
}
