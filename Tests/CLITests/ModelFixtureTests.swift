import Foundation
import Testing

/// Model files written by an earlier ner-tag (Fixtures/models, made at commit 88ad3d2,
/// before the model file named its kind and configuration fields) load and tag to the
/// same bytes as they did then: users' models keep working across format changes.
struct ModelFixtureTests {
  static let directory = ToolRunner.fixtures.appendingPathComponent("models")
  static let models = ["linear", "linear-template", "neural", "neural-flags"]
  /// Each expected output's suffix and the options that made it.
  static let runs: [(suffix: String, options: [String])] = [
    ("tag", []),
    ("nbest", ["--marginals", "--nbest", "2"]),
    ("jsonl", ["--marginals", "--to", "jsonl", "--lang", "pt"]),
    ("spans", ["--to", "spans"]),
  ]

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  @Test(arguments: models)
  func tagsAsBefore(model: String) throws {
    for run in Self.runs {
      for threads in ["1", "2"] {
        let r = try ToolRunner.run(
          "ner-tag", ["-m", Self.path("\(model).model"), "--threads", threads] + run.options + [Self.path("es.test.conll")])
        let expected = try Data(contentsOf: Self.directory.appendingPathComponent("\(model).\(run.suffix).expected"))
        #expect(r.status == 0, "\(model) \(run.suffix): \(r.stderr)")
        #expect(r.stdout == expected, "\(model) \(run.suffix) --threads \(threads) differs:\n\(r.text)")
      }
    }
  }

  @Test func dumpsAsBefore() throws {
    let r = try ToolRunner.run("ner-tag", ["dump", "--top", "10", Self.path("linear.model")])
    let expected = try Data(contentsOf: Self.directory.appendingPathComponent("linear.dump.expected"))
    #expect(r.status == 0 && r.stdout == expected, "\(r.text)\(r.stderr)")
  }
}
