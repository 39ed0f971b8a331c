/// Cuts a document into sentences and tokens the way ner-tokenize does: the text is split
/// into lines (at LF, CR LF or CR), each line broken by ``Tokenizer`` into sentences and
/// tokens as they stand in the text (no normalization). Offsets are in Unicode scalars
/// of the whole document.
public struct DocumentTokens {
  /// A sentence: its text's span in the document and its tokens, a range of ``tokens``.
  public struct Sentence: Equatable {
    public var text: Range<Int>
    public var tokens: Range<Int>
  }

  public var sentences: [Sentence] = []
  /// Every token's span in the document, in order.
  public var tokens: [Range<Int>] = []

  /// The sentence of each token.
  public func sentenceIndex(ofToken t: Int) -> Int {
    var lo = 0
    var hi = sentences.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if sentences[mid].tokens.lowerBound <= t { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// Tokenizes `text` with `tokenizer` (one per thread: it is not thread-safe).
  public init(_ text: ScalarText, tokenizer: Tokenizer) {
    var tokenized = TokenizedLine()
    text.bytes.withUnsafeBufferPointer { bytes in
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        if end > start {
          tokenizer.tokenize(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &tokenized)
          add(tokenized, lineStart: start, text)
        }
        if end == bytes.count { break }
        start = end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
      }
    }
  }

  private mutating func add(_ line: TokenizedLine, lineStart: Int, _ text: ScalarText) {
    for s in line.sentences {
      let first = tokens.count
      for t in line.tokens[s.tokens] {
        tokens.append(
          text.scalarOffset(ofByte: lineStart + t.range.lowerBound)..<text.scalarOffset(ofByte: lineStart + t.range.upperBound))
      }
      guard tokens.count > first else { continue }
      let range = text.scalarOffset(ofByte: lineStart + s.text.lowerBound)..<text.scalarOffset(ofByte: lineStart + s.text.upperBound)
      sentences.append(Sentence(text: range, tokens: first..<tokens.count))
    }
  }
}
