import Testing

@testable import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// ``TokenizedLineWriter`` writes the bytes that the record writers write for the
/// sentences of ``Tokenizer/tokenize(line:)``.
struct TokenizedLineWriterTests {
  static let lines = [
    "El Sr. García llegó a las 12:30. ¿Y tú? Visite http://www.ejemplo.es/a?b=1 o info@ejemplo.es.",
    "Cafe\u{301} \u{FB01}ne \"quoted\" back\\slash and\u{1}control\rcarriage return.",
    "  Jean-Pierre (70%) 👩\u{200D}👩\u{200D}👧 東京は日本の首都です。 Привет, мир! ",
    "x",
  ]

  /// The record ner-tokenize wrote for a sentence before it wrote bytes directly.
  func record(_ t: TokenizedSentence, id: String, language: String?, jsonl: Bool) -> Sentence {
    var s = Sentence()
    s.header = [.pair(key: "id", value: id)]
    if let language { s.header.append(.pair(key: "lang", value: language)) }
    s.header.append(.pair(key: "text", value: t.text))
    s.columns = [Column(key: "tokens", values: t.tokens)]
    if jsonl {
      s.header.append(.json(key: "offsets", raw: "[" + t.offsets.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"))
      s.jsonKeyOrder = ["id", "lang", "text", "tokens", "offsets"]
    }
    return s
  }

  @Test(arguments: [false, true])
  func sameBytesAsTheRecordWriters(jsonl: Bool) throws {
    for (language, metadata, configure) in [
      (nil, true, { (_: inout TokenizerOptions) in }),
      ("es", true, { (o: inout TokenizerOptions) in o.lowercase = true; o.maskDigits = true; o.normalization = .nfkd }),
      ("x\ny", false, { (o: inout TokenizerOptions) in o.maskURLs = true; o.splitSentences = false }),
      ("de", true, { (o: inout TokenizerOptions) in o.pretokenized = true; o.maskURLs = true }),
    ] as [(String?, Bool, (inout TokenizerOptions) -> Void)] {
      var options = TokenizerOptions()
      options.language = language
      configure(&options)
      let tokenizer = try Tokenizer(options: options)
      let fd = TestSupport.anonymousFile()
      defer { close(fd) }
      let buffer = OutputBuffer(fileDescriptor: fd)
      let recordWriter: RecordWriter
      if jsonl {
        let w = JSONLWriter(buffer)
        w.dropMetadata = !metadata
        recordWriter = w
      } else {
        let w = CoNLLWriter(buffer)
        w.dropMetadata = !metadata
        recordWriter = w
      }
      let writer = TokenizedLineWriter(format: jsonl ? .jsonl : .conll, options: options, metadata: metadata)
      var direct = ByteBuffer()
      var tokenized = TokenizedLine()
      for line in Self.lines {
        for (k, sentence) in tokenizer.tokenize(line: line).enumerated() {
          let id = SentenceID.make(line: line, sentence: k + 1)
          try recordWriter.write(.sentence(record(sentence, id: id, language: language, jsonl: jsonl)))
        }
        Array(line.utf8).withUnsafeBufferPointer { bytes in
          tokenizer.tokenize(bytes, into: &tokenized)
          writer.write(bytes, tokenized, to: &direct)
        }
      }
      try recordWriter.finish()
      let expected = TestSupport.contents(of: fd)
      #expect(direct.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == String(decoding: expected, as: UTF8.self))
    }
  }

  @Test func utf8ValidationAgreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let bytes = (0..<length).map { _ in
        Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
      }
      bytes.withUnsafeBufferPointer { b in
        #expect(UTF8Text.isValid(b) == (String(validating: b, as: UTF8.self) != nil), "\(bytes)")
      }
    }
  }
}
