import Foundation
import Testing

/// A regular file is scored on two cores; a pipe in one pass. Both must give the same
/// bytes, messages and exit codes, whatever sits at the cut.
struct ScoreParallelTests {
  /// About 2 MB of conlleval input, generated deterministically.
  static func input(separator: String = " ", poison: (Int) -> String? = { _ in nil }) -> Data {
    var state: UInt64 = 12345
    func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 33
    }
    let tags = ["O", "O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG-X", "I-ORG-X", "E-MISC", "S-MISC", "B", "I"]
    var text = ""
    text.reserveCapacity(2_200_000)
    var line = 0
    while text.utf8.count < 2_000_000 {
      for _ in 0..<(1 + Int(next() % 20)) {
        line += 1
        if let special = poison(line) { text += special; continue }
        let gold = tags[Int(next() % UInt64(tags.count))]
        let guess = next() % 4 == 0 ? tags[Int(next() % UInt64(tags.count))] : gold
        text += "w\(line)\(separator)\(gold)\(separator)\(guess)\n"
      }
      line += 1
      text += "\n"
    }
    return Data(text.utf8)
  }

  static func compare(_ data: Data, _ args: [String] = []) throws {
    let file = ToolRunner.temporaryFile(data)
    defer { try? FileManager.default.removeItem(at: file) }
    let quoted = args.map { "'\($0)'" }.joined(separator: " ")
    let mapped = try ToolRunner.shell("ner-score \(quoted) < '\(file.path)'")
    let piped = try ToolRunner.shell("cat '\(file.path)' | ner-score \(quoted)")
    #expect(mapped.text == piped.text)
    #expect(mapped.stderr == piped.stderr.replacingOccurrences(of: "<stdin>", with: "<stdin>"))
    #expect(mapped.status == piped.status)
    #expect(!piped.text.isEmpty || piped.status != 0)
  }

  @Test func sameCountsOnBothPaths() throws {
    try Self.compare(Self.input())
    try Self.compare(Self.input(), ["-r"])
  }

  @Test func tabsWithoutDelimiter() throws {
    try Self.compare(Self.input(separator: "\t"))
  }

  @Test func anErrorInTheSecondHalfNamesTheRightLine() throws {
    try Self.compare(Self.input(poison: { $0 == 70_000 ? "bad line with five fields\n" : nil }))
  }

  @Test func aDotTagLeftOpenAcrossTheCutFallsBackToOnePass() throws {
    // `.` tags never end a chunk, so a chunk can stay open across blank lines.
    try Self.compare(Self.input(poison: { $0 % 997 == 0 ? "x .-PER .-PER\n" : nil }))
  }
}
