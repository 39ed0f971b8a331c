import Foundation
import Testing

/// ner-tokenize end to end.
struct TokenizeTests {
  func tokens(_ text: String, _ args: [String] = []) throws -> [[String]] {
    let r = try ToolRunner.run("ner-tokenize", ["--no-metadata"] + args, stdin: text)
    #expect(r.status == 0, "\(r.stderr)")
    return r.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map {
      $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
  }

  @Test func sentencesAndTokens() throws {
    let t = try tokens("El Sr. García llegó a Madrid. ¿Y tú?\n", ["--lang", "es"])
    #expect(t == [["El", "Sr.", "García", "llegó", "a", "Madrid", "."], ["¿", "Y", "tú", "?"]])
  }

  @Test func urlsEmailsNumbersAndCompoundsStayWhole() throws {
    let t = try tokens("Visite http://www.ejemplo.es/a?b=1 o info@ejemplo.es: 1.234,5 a las 12:30 con Jean-Pierre...\n")
    #expect(t == [["Visite", "http://www.ejemplo.es/a?b=1", "o", "info@ejemplo.es", ":", "1.234,5", "a", "las", "12:30", "con", "Jean-Pierre", "..."]])
    let split = try tokens("Jean-Pierre\n", ["--split-hyphens"])
    #expect(split == [["Jean", "-", "Pierre"]])
  }

  @Test func dictionaryScriptsAndClusters() throws {
    #expect(try tokens("東京は日本の首都です。\n") == [["東京", "は", "日本", "の", "首都", "です", "。"]])
    #expect(try tokens("กรุงเทพมหานครเป็นเมืองหลวง\n") == [["กรุงเทพมหานคร", "เป็น", "เมือง", "หลวง"]])
    // An emoji ZWJ sequence and an Indic conjunct are never split.
    #expect(try tokens("👩\u{200D}👩\u{200D}👧 मुंबई क्षत्रिय\n") == [["👩\u{200D}👩\u{200D}👧", "मुंबई", "क्षत्रिय"]])
  }

  @Test func normalizationAndMasks() throws {
    // e + combining acute: NFC in the token, untouched in the text.
    let r = try ToolRunner.run("ner-tokenize", ["--to", "jsonl"], stdin: "Cafe\u{301} 2024\n")
    #expect(r.text == "{\"id\":\"\(Self.id("Cafe\u{301} 2024", 1))\",\"text\":\"Cafe\u{301} 2024\",\"tokens\":[\"Caf\u{E9}\",\"2024\"],\"offsets\":[[0,5],[6,10]]}\n")
    #expect(try tokens("Madrid 2024 x1\n", ["--lower", "--mask-digits"]) == [["madrid", "0000", "x0"]])
    #expect(try tokens("see www.x.org or a@b.cd at 10:30\n", ["--mask-urls"]) == [["see", "url", "or", "email", "at", "num"]])
    #expect(try tokens("\u{FB01}ne\n", ["--normalize", "nfkc"]) == [["fine"]])
  }

  static func id(_ line: String, _ n: Int) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in line.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    let hex = String(h, radix: 16)
    return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12)) + "-\(n)"
  }

  @Test func metadataAndIdsDoNotDependOnSharding() throws {
    let text = "Uno. Dos.\n\nTres.\r\nUno. Dos.\n"
    let whole = try ToolRunner.run("ner-tokenize", [], stdin: text)
    #expect(whole.text.hasPrefix("# id = \(Self.id("Uno. Dos.", 1))\n# text = Uno.\nUno\n.\n\n# id = \(Self.id("Uno. Dos.", 2))\n# text = Dos.\n"))
    let a = try ToolRunner.run("ner-tokenize", [], stdin: "Uno. Dos.\n\n")
    let b = try ToolRunner.run("ner-tokenize", [], stdin: "Tres.\r\n")
    let c = try ToolRunner.run("ner-tokenize", [], stdin: "Uno. Dos.\n")
    // A line repeated in a file counts its repeats (ids are unique in a file).
    let repeated = c.text.replacingOccurrences(of: Self.id("Uno. Dos.", 1).dropLast(2) + "-", with: Self.id("Uno. Dos.", 1).dropLast(2) + ".2-")
    #expect(a.text + b.text + repeated == whole.text)
  }

  @Test func pretokenizedAndNoSplit() throws {
    #expect(try tokens("Dr. Who  said: hi.\n", ["--pretokenized"]) == [["Dr.", "Who", "said:", "hi."]])
    #expect(try tokens("One. Two.\n", ["--no-split"]) == [["One", ".", "Two", "."]])
    #expect(try tokens("George W. Bush, 70% y 9%.\n", ["--no-split"]) == [["George", "W.", "Bush", ",", "70%", "y", "9%", "."]])
  }

  @Test func invalidUTF8() throws {
    var bad = Data("ok\nb".utf8)
    bad.append(0xFF)
    bad.append(0x0A)
    let r = try ToolRunner.run("ner-tokenize", [], stdin: bad)
    #expect(r.status == 65)
    #expect(r.stderr == "ner-tokenize: <stdin>:2: error: invalid UTF-8 (use --replace-invalid to replace it with U+FFFD)\n")
    let ok = try ToolRunner.run("ner-tokenize", ["--replace-invalid", "--no-metadata"], stdin: bad)
    #expect(ok.text == "ok\n\nb\n\u{FFFD}\n\n")
  }

  @Test func emptyLinesAndALongLine() throws {
    #expect(try tokens("\n\n\n") == [])
    let long = Array(repeating: "palabra", count: 20_000).joined(separator: " ")
    let t = try tokens(long + "\n")
    #expect(t.count == 1 && t[0].count == 20_000)
  }

  @Test func mixedScriptsInOneSentence() throws {
    #expect(try tokens("Putin (Путин) visitó Mumbai (मुंबई).\n") == [["Putin", "(", "Путин", ")", "visitó", "Mumbai", "(", "मुंबई", ")", "."]])
  }
}
