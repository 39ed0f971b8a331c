import Foundation
import Testing

/// The README's Spark recipe (`RDD.pipe` over JSONL, a process per partition) run in
/// Spark's local mode with two partitions, against one process. Needs pyspark (PyPI)
/// for `python3` and a Java runtime; skipped with a message without them (`.ci/run`
/// installs both).
struct SparkTests {
  /// Whether `python3` imports pyspark and `java` runs.
  static let available: Bool = {
    guard let r = try? ToolRunner.shell("python3 -c 'import pyspark' && java -version") else { return false }
    return r.status == 0
  }()

  /// The recipe of the README, on a local master of two threads and a file of two splits.
  static let driver = """
    import sys
    from pyspark import SparkContext
    source, command, target = sys.argv[1:4]
    sc = SparkContext("local[2]", "ner-tools-test")
    sc.setLogLevel("ERROR")
    lines = sc.textFile(source, 2)
    assert lines.getNumPartitions() == 2, lines.getNumPartitions()
    lines.pipe(command).saveAsTextFile(target)
    sc.stop()

    """

  @Test(.enabled(if: available, "pyspark (pip install pyspark) or a Java runtime (apt-get install default-jre-headless) is missing: the Spark recipe is not run"))
  func readmeRecipeInLocalModeGivesWhatOneProcessGives() throws {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("ner-spark-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: d) }
    try Data(Self.driver.utf8).write(to: d.appendingPathComponent("recipe.py"))
    let conll = ToolRunner.fixtures.appendingPathComponent("models/es.test.conll").path
    let model = ToolRunner.fixtures.appendingPathComponent("models/linear.model").path
    // Each record twice over, so that each partition holds several.
    let make = try ToolRunner.shell("cd \(d.path) && ner-convert --to jsonl '\(conll)' '\(conll)' > big.jsonl && wc -l < big.jsonl")
    #expect(make.status == 0 && Int(make.text.trimmingCharacters(in: .whitespacesAndNewlines))! >= 8)
    // The tools by absolute path: Spark's Python workers need not see the test's PATH.
    let tag = "\(ToolRunner.binDirectory.path)/ner-tag -m \(model) --threads 1"
    let spark = try ToolRunner.shell(
      "cd \(d.path) && PYSPARK_PYTHON=\"$(command -v python3)\" python3 recipe.py big.jsonl '\(tag)' tagged")
    #expect(spark.status == 0, "\(spark.stderr)")
    let parts = try FileManager.default.contentsOfDirectory(atPath: d.appendingPathComponent("tagged").path)
      .filter { $0.hasPrefix("part-") }.sorted()
    #expect(parts == ["part-00000", "part-00001"])
    var joined = Data()
    for p in parts { joined += try Data(contentsOf: d.appendingPathComponent("tagged").appendingPathComponent(p)) }
    let one = try ToolRunner.shell("cd \(d.path) && \(tag) big.jsonl")
    #expect(one.status == 0 && !one.stdout.isEmpty)
    #expect(joined == one.stdout)
    // Both partitions did work: the first part holds some of the records, not all.
    let first = try Data(contentsOf: d.appendingPathComponent("tagged/part-00000"))
    #expect(!first.isEmpty && first.count < one.stdout.count)
  }
}
