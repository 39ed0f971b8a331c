/// Where a sentence's tokens stand in its text, in Unicode scalars: its `offsets` (as
/// ner-tokenize's JSONL and the readers of offset formats write them; in CoNLL a
/// `# offsets = [[0,3],...]` line), or else found by matching the tokens, in order, in its
/// `text` (skipping whitespace between them), which works while the tokens are as they
/// stand in the text (not normalized nor masked).
public enum SentenceOffsets {
  /// Why a sentence has no offsets.
  public enum Failure: Error {
    case noText
    case mismatch(String)
  }

  /// The offsets of `s`'s tokens in `text` (its `text` metadata).
  public static func offsets(_ s: Sentence, text: ScalarText) throws -> [Range<Int>] {
    if let raw = raw(s) { return try parse(raw, count: s.count, length: text.count, line: s.line) }
    return try align(s.tokens, in: text)
  }

  /// The offsets of `s`, when it has them (its `offsets`, or tokens found in its `text`);
  /// nil when it has neither.
  public static func offsetsIfAny(_ s: Sentence) -> [Range<Int>]? {
    guard let t = s.metadata("text") else { return nil }
    return try? offsets(s, text: ScalarText(t))
  }

  /// The JSON text of the sentence's `offsets`, when it has them.
  static func raw(_ s: Sentence) -> String? {
    for h in s.header {
      switch h {
      case .json(DocumentMetadata.offsets, let raw), .pair(DocumentMetadata.offsets, let raw): return raw
      default: continue
      }
    }
    return nil
  }

  /// Parses `[[start,end],...]`: `count` pairs within `0...length`.
  static func parse(_ raw: String, count: Int, length: Int, line: Int) throws -> [Range<Int>] {
    var result: [Range<Int>] = []
    var copy = raw
    do {
      try copy.withUTF8 { bytes in
        var scanner = JSONScanner(bytes)
        try scanner.readArray { s in
          var pair: [Int] = []
          try s.readArray { s in pair.append(try s.readRequiredInt("an offset")) }
          guard pair.count == 2, pair[0] >= 0, pair[0] <= pair[1], pair[1] <= length else {
            throw DataError(line: line, "'offsets' holds \(JSONText.array(raw: pair.map(String.init))), not a pair of offsets within its text of \(length) characters")
          }
          result.append(pair[0]..<pair[1])
        }
      }
    } catch let f as JSONScanner.Failure {
      throw DataError(line: line, "'offsets' is not a JSON array of [start, end] pairs: \(f)")
    }
    guard result.count == count else { throw DataError(line: line, "'offsets' has \(result.count) pairs for \(count) tokens") }
    return result
  }

  /// Finds `tokens` in order in `text`.
  static func align(_ tokens: [String], in text: ScalarText) throws -> [Range<Int>] {
    var result: [Range<Int>] = []
    var at = 0  // byte offset
    let bytes = text.bytes
    try bytes.withUnsafeBufferPointer { b in
      for (k, token) in tokens.enumerated() {
        let t = Array(token.utf8)
        while true {
          if !t.isEmpty, at + t.count <= b.count, b[at..<(at + t.count)].elementsEqual(t) { break }
          let space = at < b.count ? Tokenizer.isSpaceScalarStart(b, at) : 0
          guard space > 0 else {
            throw Failure.mismatch("token \(k + 1) '\(token)' is not at character \(text.scalarOffset(ofByte: at)) of its text")
          }
          at += space
        }
        let start = text.scalarOffset(ofByte: at)
        at += t.count
        result.append(start..<text.scalarOffset(ofByte: at))
      }
    }
    return result
  }
}
