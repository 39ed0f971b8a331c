import Foundation
import Testing

@testable import NERKit

/// CRF++ feature templates: parsing, expansion as CRF++ does it, and errors.
struct FeatureTemplateTests {
  /// CRF++'s documentation example: token, POS and chunk columns.
  static let columns = [
    ["He", "reckons", "the", "current", "account"],
    ["PRP", "VBZ", "DT", "JJ", "NN"],
    ["B-NP", "B-VP", "B-NP", "I-NP", "I-NP"],
  ]

  /// The DataError thrown parsing `text`, or nil.
  static func error(_ text: String) -> DataError? {
    do {
      _ = try FeatureTemplate(parsing: text)
      return nil
    } catch {
      return error as? DataError
    }
  }

  @Test func documentationExamples() throws {
    let template = try FeatureTemplate(parsing: """
      # Unigram
      U00:%x[0,0]
      U01:%x[0,1]
      U02:%x[-1,0]
      U03:%x[-2,1]
      U04:%x[0,0]/%x[0,1]
      UABC%x[0,1]123
      U06:%x[-1,0]/%x[0,0]/%x[1,0]

      # Bigram
      B
      """)
    #expect(template.count == 7 && template.maxColumn == 1 && template.hasBigramTemplate)
    let f = template.features(columns: Self.columns)
    #expect(f.count == 5)
    #expect(f[2] == ["U00:the", "U01:DT", "U02:reckons", "U03:PRP", "U04:the/DT", "UABCDT123", "U06:reckons/the/current"])
  }

  @Test func placeholdersBeyondTheSentence() throws {
    let template = try FeatureTemplate(parsing: "U00:%x[-2,0]\nU01:%x[2,0]\nU02:%x[-1,1]|%x[1,1]\nU03:%x[-8,0]%x[8,0]\n")
    let f = template.features(columns: [["a", "b"], ["A", "B"]])
    #expect(f[0] == ["U00:_B-2", "U01:_B+1", "U02:_B-1|B", "U03:_B-8_B+7"])
    #expect(f[1] == ["U00:_B-1", "U01:_B+2", "U02:A|_B+1", "U03:_B-7_B+8"])
    let one = template.features(columns: [["x"], ["X"]])
    #expect(one == [["U00:_B-2", "U01:_B+2", "U02:_B-1|_B+1", "U03:_B-8_B+8"]])
  }

  @Test func constantTemplatesAreBiases() throws {
    let template = try FeatureTemplate(parsing: "U\nU99:bias\n")
    #expect(template.maxColumn == -1 && !template.hasBigramTemplate)
    #expect(template.features(columns: [["a", "b", "c"]]) == Array(repeating: ["U", "U99:bias"], count: 3))
  }

  @Test func skippedLinesAndLineEndings() throws {
    let template = try FeatureTemplate(parsing: "# comment\r\n\r\n   \n\t\nU0:%x[0,0]\r\nB01\r\n#U1:%x[0,5]\nU1:é%x[1,0]ü")
    #expect(template.count == 2 && template.maxColumn == 0 && template.hasBigramTemplate)
    #expect(template.features(columns: [["Київ", "є"]]) == [["U0:Київ", "U1:éєü"], ["U0:є", "U1:é_B+1ü"]])
    #expect(try FeatureTemplate(parsing: "").count == 0)
    #expect(try FeatureTemplate(parsing: "B\n").features(columns: [["a"]]) == [[]])
  }

  @Test func emptyAndMissingColumns() throws {
    let template = try FeatureTemplate(parsing: "U0:%x[0,0]\nU1:%x[0,3]\nU2:%x[1,1]")
    #expect(template.maxColumn == 3)
    #expect(template.features(columns: []).isEmpty)
    #expect(template.features(columns: [[], []]).isEmpty)
    // Column 3 does not exist and column 1 is short: empty values, no crash.
    #expect(template.features(columns: [["a", "b"], ["A"]]) == [["U0:a", "U1:", "U2:"], ["U0:b", "U1:", "U2:_B+1"]])
  }

  @Test(arguments: [
    ("U01:%x[1]", 1), ("U01:%x[a,0]", 1), ("U01:%x[0,0", 1), ("U01:%x[0,b]", 1), ("U01:%x[-1, 0]", 1),
    ("U01:%x[+1,0]", 1), ("U01:%x[,0]", 1), ("U01:%x[0,]", 1), ("U01:%X[0,0]", 1), ("U01:%y", 1),
    ("U01:100%", 1), ("U01:%x", 1), ("U01:%x0,0]", 1), ("U01:%x[--1,0]", 1), ("U01:%x[0,-1]", 1),
    ("U01:%x[0,0]/%x[1]", 1), ("U01:%x[99999999999999999999,0]", 1),
    ("# ok\n\nU01:%x[0,0]\nU02:%x[0,0", 4), ("U:\nB%x[", 2),
  ])
  func malformedMacros(_ text: String, _ line: Int) throws {
    let e = try #require(Self.error(text))
    #expect(e.line == line)
    #expect(e.message.contains("malformed macro"), "\(e.message)")
  }

  @Test func rowsBeyondCRFppLimit() throws {
    let e = try #require(Self.error("U0:%x[8,0]\nU1:%x[-9,0]"))
    #expect(e.line == 2 && e.message.contains("-9"))
    #expect(Self.error("U1:%x[9,0]")?.line == 1)
  }

  @Test func bigramWithMacroIsUnsupported() throws {
    let e = try #require(Self.error("U00:%x[0,0]\n\nB01:%x[0,0]\n"))
    #expect(e.line == 3 && e.message.contains("not supported"))
    #expect(Self.error("B\nB01\nB02:label\n") == nil)
  }

  @Test(arguments: [("X01:%x[0,0]", 1), ("U0:%x[0,0]\n U1:%x[0,0]", 2), ("\n\nu01:%x[0,0]", 3), ("  # indented", 1), ("%x[0,0]", 1)])
  func unknownTemplateTypes(_ text: String, _ line: Int) throws {
    let e = try #require(Self.error(text))
    #expect(e.line == line && e.message.contains("unknown template type"), "\(e)")
  }

  /// A straightforward expansion with a regular expression, to check the precompiled one.
  static func reference(_ templates: [String], _ columns: [[String]]) -> [[String]] {
    let macro = try! NSRegularExpression(pattern: #"%x\[(-?[0-9]+),([0-9]+)\]"#)
    let n = columns[0].count
    return (0..<n).map { t in
      templates.map { line in
        let ns = line as NSString
        var out = ""
        var last = 0
        for m in macro.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
          out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
          let i = t + Int(ns.substring(with: m.range(at: 1)))!
          let c = Int(ns.substring(with: m.range(at: 2)))!
          out += i < 0 ? "_B-\(-i)" : i >= n ? "_B+\(i - n + 1)" : columns[c][i]
          last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
      }
    }
  }

  @Test func matchesReferenceExpansionOnRandomTemplates() throws {
    var rng = SplitMix64(seed: 42)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    let literals = ["", "/", "|", "é", "ab", "=", "[x]", "]", ",", "𝄞"]
    let words = ["the", "cat", "Київ", "", "A/B", "%x[0,0]", "東京"]
    for round in 0..<40 {
      var templates: [String] = []
      for k in 0..<(1 + Int(rng.next() % 6)) {
        var line = "U\(k)\(pick(["", ":", "_"]))"
        for _ in 0..<Int(rng.next() % 4) {
          line += pick(literals) + "%x[\(Int(rng.next() % 9) - 4),\(rng.next() % 3)]"
        }
        templates.append(line + pick(literals))
      }
      let template = try FeatureTemplate(parsing: templates.joined(separator: "\n"))
      for _ in 0..<5 {
        let n = Int(rng.next() % 7)
        let columns = (0..<3).map { _ in (0..<n).map { _ in pick(words) } }
        #expect(template.features(columns: columns) == Self.reference(templates, columns), "round \(round)")
      }
    }
  }
}
