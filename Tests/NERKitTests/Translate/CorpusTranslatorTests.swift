import Testing

@testable import NERKit

/// Word-by-word translation of labelled sentences.
struct CorpusTranslatorTests {
  /// A sentence with a token column, the given middle columns, and a gold tag column last.
  static func sentence(_ tokens: String, _ tags: String, middle: [(String, String)] = []) -> Sentence {
    var s = Sentence()
    s.columns.append(Column(key: "tokens", values: tokens.split(separator: " ").map(String.init)))
    for (key, values) in middle { s.columns.append(Column(key: key, values: values.split(separator: " ").map(String.init))) }
    s.columns.append(Column(key: "tags", values: tags.split(separator: " ").map(String.init)))
    s.tagColumn = s.columns.count - 1
    return s
  }

  static func column(_ s: Sentence, _ key: String) -> String {
    s.columns[s.columnIndex(key)!].values.joined(separator: " ")
  }

  /// Each of a, b, c becomes two words.
  static let twoWords = try! BilingualDictionary(parsing: "a a1 a2\nb b1 b2\nc c1 c2\n")

  @Test(arguments: [
    ("B-PER I-PER O", "B-PER I-PER I-PER I-PER O O"),  // IOB2
    ("I-PER B-PER O", "I-PER I-PER B-PER I-PER O O"),  // IOB1
    ("I-PER I-PER I-LOC", "I-PER I-PER I-PER I-PER I-LOC I-LOC"),  // IO, IOB1
    ("B-PER E-PER S-LOC", "B-PER I-PER I-PER E-PER B-LOC E-LOC"),  // IOBES
    ("B-PER L-PER U-LOC", "B-PER I-PER I-PER L-PER B-LOC L-LOC"),  // BILOU
    ("B-PER I-PER E-PER", "B-PER I-PER I-PER I-PER I-PER E-PER"),
  ])
  func multiWordTranslationsExpandTags(tags: String, expected: String) {
    let t = CorpusTranslator(dictionary: Self.twoWords).translate(Self.sentence("a b c", tags))
    #expect(Self.column(t, "tokens") == "a1 a2 b1 b2 c1 c2")
    #expect(Self.column(t, "tags") == expected)
    #expect(t.tagColumn == 1)
  }

  @Test func lookupsCaseAndExtraColumns() {
    let d = try! BilingualDictionary(parsing: "visit besuchen\nnew neu\nhampshire hamp shire\nnow jetzt\nnato nato\n")
    var stats = TranslationStatistics()
    let s = Self.sentence("Visit New Hampshire now , NATO", "O B-LOC I-LOC O O B-ORG", middle: [("pos", "VB NNP NNP RB , NNP")])
    let t = CorpusTranslator(dictionary: d).translate(s, statistics: &stats)
    #expect(Self.column(t, "tokens") == "Besuchen Neu Hamp shire jetzt , NATO")
    #expect(Self.column(t, "pos") == "VB NNP NNP NNP RB , NNP")
    #expect(Self.column(t, "tags") == "O B-LOC I-LOC I-LOC O O B-ORG")
    var expected = TranslationStatistics()
    expected.sentences = 1
    expected.exact = 1
    expected.lowercase = 4
    expected.kept = 1
    expected.outputTokens = 7
    #expect(stats == expected)
  }

  @Test func casePatternsAndTurningThemOff() {
    let d = try! BilingualDictionary(parsing: "i ich\nusa vereinigte staaten\napple Apfel\nstraße strasse\n")
    let s = Self.sentence("I USA apple Straße", "O B-LOC I-LOC O")
    let on = CorpusTranslator(dictionary: d).translate(s)
    #expect(Self.column(on, "tokens") == "Ich VEREINIGTE STAATEN Apfel Strasse")
    #expect(Self.column(on, "tags") == "O B-LOC I-LOC I-LOC O")
    let off = CorpusTranslator(dictionary: d, options: TranslationOptions(caseRestoration: false)).translate(s)
    #expect(Self.column(off, "tokens") == "ich vereinigte staaten Apfel strasse")
  }

  @Test func otherTagColumnsAndValuesThatAreNotTags() {
    let s = Self.sentence("a x b", "B-PER O S-LOC", middle: [("chunk", "B-NP junk I-NP"), ("pred", "B-PER B-PER U-LOC")])
    let options = TranslationOptions(tagColumns: [1, 2])
    let t = CorpusTranslator(dictionary: Self.twoWords, options: options).translate(s)
    #expect(Self.column(t, "tokens") == "a1 a2 x b1 b2")
    #expect(Self.column(t, "pred") == "B-PER I-PER B-PER B-LOC L-LOC")
    #expect(Self.column(t, "chunk") == "B-NP I-NP junk I-NP I-NP")
    #expect(Self.column(t, "tags") == "B-PER I-PER O B-LOC E-LOC")
    // Without being named a tag column, a column is repeated.
    let plain = CorpusTranslator(dictionary: Self.twoWords).translate(s)
    #expect(Self.column(plain, "pred") == "B-PER B-PER B-PER U-LOC U-LOC")
  }

  @Test func metadataLinesAndLayoutPassThrough() {
    var s = Self.sentence("a x", "B-PER O")
    s.header = [.pair(key: "id", value: "s1"), .comment("# free text"), .pair(key: "text", value: "a x")]
    s.tokenLines = [10, 11]
    s.line = 9
    s.layout.separator = 0x20
    let t = CorpusTranslator(dictionary: Self.twoWords, options: TranslationOptions(targetLanguage: "de")).translate(s)
    #expect(t.header == s.header + [.pair(key: "lang", value: "de")])
    #expect(t.tokenLines == [10, 10, 11])
    #expect(t.line == 9 && t.layout == s.layout)
    s.setMetadata("lang", "en")
    let again = CorpusTranslator(dictionary: Self.twoWords, options: TranslationOptions(targetLanguage: "de")).translate(s)
    #expect(again.metadata("lang") == "de" && again.header.count == 4)
    #expect(CorpusTranslator(dictionary: Self.twoWords).translate(s).metadata("lang") == "en")
  }

  @Test func keepSource() {
    let s = Self.sentence("a x", "B-PER O", middle: [("pos", "NN NN")])
    let t = CorpusTranslator(dictionary: Self.twoWords, options: TranslationOptions(keepSource: true)).translate(s)
    #expect(t.columns.map(\.key) == ["tokens", "source", "pos", "tags"])
    #expect(Self.column(t, "source") == "a a x")
    #expect(t.tagColumn == 3 && t.tags == ["B-PER", "I-PER", "O"])
    // A column with that key already there is replaced where it is.
    var named = TranslationOptions(keepSource: true)
    named.sourceColumnKey = "pos"
    let r = CorpusTranslator(dictionary: Self.twoWords, options: named).translate(s)
    #expect(r.columns.map(\.key) == ["tokens", "pos", "tags"])
    #expect(Self.column(r, "pos") == "a a x")
  }

  @Test func copyTypes() {
    let d = try! BilingualDictionary(parsing: "john johann\nparis paryż\nvisited odwiedził\n")
    var stats = TranslationStatistics()
    let s = Self.sentence("John visited Paris", "S-PER O S-LOC")
    let t = CorpusTranslator(dictionary: d, options: TranslationOptions(copyTypes: ["PER"])).translate(s, statistics: &stats)
    #expect(Self.column(t, "tokens") == "John odwiedził Paryż")
    #expect(stats.copied == 1 && stats.exact == 1 && stats.lowercase == 1)
  }

  @Test func fallback() {
    let d = try! BilingualDictionary(parsing: "the die\n")
    var asked: [String] = []
    let translator = CorpusTranslator(dictionary: d) { word in
      asked.append(word)
      switch word {
      case "Berlin": return "berlin stadt"
      case "unknown": return ""
      default: return nil
      }
    }
    var stats = TranslationStatistics()
    let t = translator.translate(Self.sentence("The Berlin , 1990 zzz unknown", "O B-LOC O O O O"), statistics: &stats)
    #expect(Self.column(t, "tokens") == "Die Berlin stadt , 1990 zzz unknown")
    #expect(Self.column(t, "tags") == "O B-LOC I-LOC O O O O")
    #expect(asked == ["Berlin", "zzz", "unknown"])  // never punctuation or numbers
    #expect(stats.fallback == 1 && stats.kept == 4 && stats.lowercase == 1 && stats.tokens == 6 && stats.outputTokens == 7)
  }

  @Test func vectorsChooseAmongTranslations() {
    let d = try! BilingualDictionary(parsing: "bank bank\nbank ufer\nthe der\nriver fluss\n")
    let scorer = ReverseTranslationScorer(source: ReverseTranslationScorerTests.source, target: ReverseTranslationScorerTests.target)
    let s = Self.sentence("the river Bank", "O O O")
    var stats = TranslationStatistics()
    let t = CorpusTranslator(dictionary: d, scorer: scorer).translate(s, statistics: &stats)
    #expect(Self.column(t, "tokens") == "der fluss Ufer")
    #expect(stats.ambiguous == 1 && stats.reranked == 1)
    let first = CorpusTranslator(dictionary: d).translate(s)
    #expect(Self.column(first, "tokens") == "der fluss Bank")
  }

  @Test func emptySentence() {
    var s = Sentence()
    s.columns = [Column(key: "tokens", values: []), Column(key: "tags", values: [])]
    s.tagColumn = 1
    var stats = TranslationStatistics()
    #expect(CorpusTranslator(dictionary: Self.twoWords).translate(s, statistics: &stats) == s)
    #expect(stats.sentences == 1 && stats.tokens == 0)
    #expect(CorpusTranslator(dictionary: Self.twoWords).translate(Sentence()) == Sentence())
  }

  @Test func summaryLine() {
    var a = TranslationStatistics()
    a.sentences = 2
    a.exact = 3
    a.kept = 1
    a.outputTokens = 5
    var b = a
    b.add(a)
    #expect(b.tokens == 8)
    #expect(b.summary == "4 sentences, 8 tokens -> 10: exact 6 (75.0%), lowercase 0 (0.0%), fallback 0 (0.0%), kept 2 (25.0%), copied 0 (0.0%); 0 ambiguous, 0 reranked by vectors")
    #expect(TranslationStatistics().summary.hasPrefix("0 sentences, 0 tokens -> 0: exact 0 (0.0%)"))
  }

  @Test func conllInConllOut() throws {
    let input = "# id = 1\nNew\tNNP\tB-LOC\nYork\tNNP\tI-LOC\nrocks\tVBZ\tO\n\n-DOCSTART-\tX\tO\n\nc\tX\tS-MISC\n"
    let d = try BilingualDictionary(parsing: "new nowy\nyork jork miasto\nrocks rządzi\n")
    let translator = CorpusTranslator(dictionary: d, options: TranslationOptions(targetLanguage: "pl", keepSource: true))
    let out = try readCoNLL(input).map { r -> Record in
      if case .sentence(let s) = r { return .sentence(translator.translate(s)) }
      return r
    }
    let conll = String(decoding: try writeCoNLL(out), as: UTF8.self)
    #expect(conll == "# id = 1\n# lang = pl\nNowy\tNew\tNNP\tB-LOC\nJork\tYork\tNNP\tI-LOC\nmiasto\tYork\tNNP\tI-LOC\nrządzi\trocks\tVBZ\tO\n\n-DOCSTART-\tX\tO\n\n# lang = pl\nc\tc\tX\tS-MISC\n")
    let jsonl = String(decoding: try writeJSONL(out), as: UTF8.self)
    #expect(jsonl.hasPrefix("{\"id\":\"1\",\"lang\":\"pl\",\"tokens\":[\"Nowy\",\"Jork\",\"miasto\",\"rządzi\"],\"source\":[\"New\",\"York\",\"York\",\"rocks\"]"))
  }
}
