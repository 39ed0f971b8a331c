import Testing

@testable import NERKit

/// MUSE dictionary files: pairs, order, duplicates, multi-word targets, lookups, errors.
struct TranslationDictionaryTests {
  /// The DataError thrown parsing `text`, or nil.
  static func error(_ text: String) -> DataError? {
    do {
      _ = try BilingualDictionary(parsing: text)
      return nil
    } catch {
      return error as? DataError
    }
  }

  @Test func pairsInFileOrderWithoutDuplicates() throws {
    let d = try BilingualDictionary(parsing: "bank bank\nbank ufer\n\nbank bank\nriver fluss\r\nbank\tbankett\n")
    #expect(d.translations(of: "bank") == [["bank"], ["ufer"], ["bankett"]])
    #expect(d.translations(of: "river") == [["fluss"]])
    #expect(d.translations(of: "money") == [])
    #expect(d.count == 2 && d.pairCount == 4)
  }

  @Test func fieldsSplitOnBytes() throws {
    // A combining mark after the space makes one Character with it, still a separator.
    #expect(try BilingualDictionary(parsing: "x \u{301}y\n").translations(of: "x") == [["\u{301}y"]])
    #expect(try BilingualDictionary(parsing: "x\t\u{301}y\r\n").translations(of: "x") == [["\u{301}y"]])
  }

  @Test func emptyAndBlankLinesAreSkipped() throws {
    let d = try BilingualDictionary(parsing: "\n  \n\t\na b\n\r\n")
    #expect(d.pairCount == 1)
    #expect(try BilingualDictionary(parsing: "").count == 0)
  }

  @Test func lastLineWithoutNewline() throws {
    #expect(try BilingualDictionary(parsing: "a b\nc d").translations(of: "c") == [["d"]])
  }

  @Test func multiWordTargets() throws {
    let tab = try BilingualDictionary(parsing: "potato\tpomme de terre\n")
    let space = try BilingualDictionary(parsing: "potato pomme de terre\n")
    #expect(tab.translations(of: "potato") == [["pomme", "de", "terre"]])
    #expect(space.translations(of: "potato") == [["pomme", "de", "terre"]])
    // Spaces around words inside a tab-separated target do not make empty words.
    #expect(try BilingualDictionary(parsing: "potato\t pomme  de terre \n").translations(of: "potato") == [["pomme", "de", "terre"]])
  }

  @Test func lookupExactThenLowercase() throws {
    let d = try BilingualDictionary(parsing: "école school\nParis Paris\nparis paris-lower\nstraße street\n")
    #expect(d.lookup("école") == .init(translations: [["school"]], match: .exact))
    #expect(d.lookup("École") == .init(translations: [["school"]], match: .lowercase))
    #expect(d.lookup("ÉCOLE") == .init(translations: [["school"]], match: .lowercase))
    #expect(d.lookup("Paris") == .init(translations: [["Paris"]], match: .exact))
    #expect(d.lookup("PARIS") == .init(translations: [["paris-lower"]], match: .lowercase))
    #expect(d.lookup("STRASSE") == nil)
    #expect(d.lookup("unknown") == nil)
  }

  @Test func readsFromALineReader() throws {
    let d = try withLineReader("der the\r\nder of-the\n\ndie the\n") { try BilingualDictionary(reader: $0) }
    #expect(d.translations(of: "der") == [["the"], ["of-the"]])
    #expect(d.translations(of: "die") == [["the"]])
    let e = #expect(throws: DataError.self) {
      _ = try withLineReader("a b\n\nlonely\n") { try BilingualDictionary(reader: $0) }
    }
    #expect(e?.line == 3)
  }

  @Test func malformedLinesGiveTheirLineNumber() {
    #expect(Self.error("a b\n\nlonely\n") == DataError(line: 3, "expected 'source target' (two words separated by a space or a tab), got 'lonely'"))
    #expect(Self.error("a b\nc  d\n") == DataError(line: 2, "expected 'source target' (one space between fields, no field empty), got 'c  d'"))
    #expect(Self.error(" c d\n")?.line == 1)
    #expect(Self.error("c d \n")?.line == 1)
    #expect(Self.error("a\tb\tc\n") == DataError(line: 1, "expected 'source target' (two fields separated by a tab), got 'a\tb\tc'"))
    #expect(Self.error("a b\nnew york\tnowy jork\n") == DataError(line: 2, "expected 'source target' (the source must be one word), got 'new york\tnowy jork'"))
    #expect(Self.error("a\t\n")?.line == 1)
    #expect(Self.error("\tb\n")?.line == 1)
    #expect(Self.error("a \n")?.line == 1)
  }

  @Test func longLinesAreShortenedInMessages() {
    let long = String(repeating: "x", count: 100)
    let message = Self.error(long)?.message ?? ""
    #expect(message.hasSuffix("got '" + String(repeating: "x", count: 57) + "...'"))
  }

  @Test func addKeepsOrderAndDropsDuplicatesAndEmptyTargets() {
    var d = BilingualDictionary()
    d.add(source: "a", target: ["x"])
    d.add(source: "a", target: ["y", "z"])
    d.add(source: "a", target: ["x"])
    d.add(source: "a", target: [])
    #expect(d.translations(of: "a") == [["x"], ["y", "z"]])
    #expect(d.pairCount == 2)
  }
}
