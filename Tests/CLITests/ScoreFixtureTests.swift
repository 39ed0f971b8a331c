import Foundation
import Testing

/// ner-score against conlleval.pl's recorded outputs (Fixtures/score, see its README):
/// the same stdout byte for byte, and failure exactly where conlleval.pl fails.
struct ScoreFixtureTests {
  static let directory = ToolRunner.fixtures.appendingPathComponent("score")

  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".in") }.map { String($0.dropLast(3)) }.sorted()
  }()

  @Test func thereAreManyCases() {
    #expect(Self.cases.count >= 50)
  }

  @Test(arguments: cases)
  func matchesConlleval(_ name: String) throws {
    let base = Self.directory.appendingPathComponent(name)
    let input = try Data(contentsOf: base.appendingPathExtension("in"))
    let args = try String(contentsOf: base.appendingPathExtension("args"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .filter { !$0.isEmpty }
    let expected = try Data(contentsOf: base.appendingPathExtension("out"))
    let status = Int32(try String(contentsOf: base.appendingPathExtension("status"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines))!
    let r = try ToolRunner.run("ner-score", args, stdin: input)
    #expect(r.stdout == expected, "stdout differs:\n\(r.text)\n--- expected:\n\(String(decoding: expected, as: UTF8.self))")
    if status == 0 {
      #expect(r.status == 0, "stderr: \(r.stderr)")
    } else {
      #expect(r.status == 65, "conlleval.pl fails here (\(status)); ner-score must fail as bad data")
      #expect(r.stderr.hasPrefix("ner-score: <stdin>:"), "\(r.stderr)")
    }
  }
}
