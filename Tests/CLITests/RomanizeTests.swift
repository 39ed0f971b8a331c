import Foundation
import Testing

/// ner-romanize end to end.
struct RomanizeTests {
  func run(_ args: [String], _ input: String) throws -> ToolRunner.Result {
    let r = try ToolRunner.run("ner-romanize", args, stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    return r
  }

  @Test func addsAColumnAfterTheToken() throws {
    let r = try run(["--lang", "ru"], "Москва\tB-LOC\nи\tO\n\nParís\tB-LOC\n")
    let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t").map(String.init) }
    #expect(lines[0][0] == "Москва" && lines[0][2] == "B-LOC")
    #expect(lines[0][1] == "Moskva")
    #expect(lines[1] == ["и", "i", "O"])
    #expect(lines[3] == ["París", "Paris", "B-LOC"])  // Latin: only diacritics go
  }

  @Test func inPlaceAndKeepDiacritics() throws {
    #expect(try run(["--in-place", "--lang", "ru"], "Москва O\n").text == "Moskva O\n")
    #expect(try run(["--keep-diacritics"], "París O\n").text == "París París O\n")
  }

  @Test func namedColumnsAndDocstart() throws {
    let input = "# global.columns = FORM NER\n-DOCSTART- O\nКиїв B-LOC\n"
    let r = try run(["--lang", "uk"], input)
    #expect(r.text == "# global.columns = FORM ROMAN NER\n-DOCSTART- -DOCSTART- O\nКиїв Kyiv B-LOC\n")
  }

  @Test func jsonlGetsARomanArrayAfterTokens() throws {
    let r = try run(["--transform", "Any-Latin; Latin-ASCII"], #"{"id":"1","tokens":["Москва"],"tags":["B-LOC"]}"# + "\n")
    #expect(r.text == #"{"id":"1","tokens":["Москва"],"roman":["Moskva"],"tags":["B-LOC"]}"# + "\n")
  }

  @Test func languageFromMetadata() throws {
    let a = try run([], "# lang = uk\nГеоргій O\n")
    let b = try run(["--lang", "uk"], "Георгій O\n")
    #expect(a.text.split(separator: "\n").last == b.text.split(separator: "\n").last)
  }

  /// The suite's language rule: a sentence's own '# lang' comes before --lang, which
  /// serves the sentences that give none.
  @Test func sentenceLanguageComesBeforeTheOption() throws {
    let r = try run(["--lang", "ru"], "# lang = uk\nГеоргій O\n\nГеоргій O\n")
    #expect(r.text == "# lang = uk\nГеоргій Heorhiy O\n\nГеоргій Georgiy O\n")
  }

  @Test func nativeDigitsBecomeASCII() throws {
    let r = try run(["--in-place"], "١٢٣ O\n४२ O\n১৯ O\n")
    #expect(r.text == "123 O\n42 O\n19 O\n")
  }

  @Test func noApostrophesOrHyphensInsideWords() throws {
    let r = try run(["--in-place", "--lang", "hi"], "मुंबई O\n")
    #expect(!r.text.contains("'") && !r.text.contains("-"))
    #expect(r.text.lowercased().hasPrefix("mumbai"))
    let k = try run(["--in-place"], "서울특별시 O\n")
    #expect(!k.text.contains("-") && !k.text.contains("'"))
  }

  @Test func listsTransformsAndRejectsUnknownOnes() throws {
    let l = try run(["--list-transforms"], "")
    #expect(l.text.split(separator: "\n").contains("Any-Latin"))
    let bad = try ToolRunner.run("ner-romanize", ["--transform", "No-Such"], stdin: "a O\n")
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("ner-romanize: error: unknown transform 'No-Such'"))
  }
}
