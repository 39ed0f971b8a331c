/// Writes the sentences of tokenized lines as CoNLL or JSONL straight from the bytes of
/// the line: the bytes that ``CoNLLWriter`` and ``JSONLWriter`` write for the records of
/// ner-tokenize (metadata `# id`, `# lang`, `# text`, one token per line, a blank line; or
/// `{"id","lang","text","tokens","offsets"}` with offsets in Unicode scalars), without
/// building the records.
public struct TokenizedLineWriter {
  public enum Format: Sendable { case conll, jsonl }

  private let format: Format
  private let metadata: Bool
  private let transform: TokenTransform
  /// The rendered language metadata (a CoNLL line, or a JSON field and its comma).
  private let language: [UInt8]

  /// A writer for sentences tokenized with `options` (whose language, if any, goes into the
  /// metadata); without `metadata`, only the tokens are written.
  public init(format: Format, options: TokenizerOptions, metadata: Bool = true) {
    self.format = format
    self.metadata = metadata
    transform = TokenTransform(options)
    guard let language = options.language else {
      self.language = []
      return
    }
    switch format {
    case .conll: self.language = Array((CoNLLWriter.render(.pair(key: "lang", value: language)) + "\n").utf8)
    case .jsonl: self.language = Array(("\"lang\":" + JSONText.quote(language) + ",").utf8)
    }
  }

  /// Appends the sentences of `tokenized`, the result of tokenizing `line`, to `out`;
  /// `occurrence` is the line's number among the lines of its file with the same id
  /// prefix (see ``SentenceID``).
  public func write(_ line: UnsafeBufferPointer<UInt8>, _ tokenized: TokenizedLine, occurrence: Int = 1, to out: inout ByteBuffer) {
    guard !tokenized.sentences.isEmpty else { return }
    var id: [UInt8] = []
    if metadata { SentenceID.appendPrefix(line, occurrence: occurrence, to: &id) }
    for (k, sentence) in tokenized.sentences.enumerated() {
      let text = UnsafeBufferPointer(rebasing: line[sentence.text])
      let tokens = tokenized.tokens[sentence.tokens]
      switch format {
      case .conll:
        if metadata {
          out.append("# id = ")
          out.append(id)
          out.append(UInt8(ascii: "-"))
          Self.appendDecimal(k + 1, to: &out)
          out.append(0x0A)
          out.append(language)
          out.append("# text = ")
          CoNLLWriter.appendOneLine(text, to: &out)
          out.append(0x0A)
        }
        if transform.leavesTokensUnchanged(in: text) {
          for t in tokens {
            out.append(UnsafeBufferPointer(rebasing: line[t.range]))
            out.append(0x0A)
          }
        } else {
          for t in tokens {
            transform.append(UnsafeBufferPointer(rebasing: line[t.range]), t.kind, to: &out)
            out.append(0x0A)
          }
        }
        out.append(0x0A)
      case .jsonl:
        out.append(UInt8(ascii: "{"))
        if metadata {
          out.append("\"id\":\"")
          out.append(id)
          out.append(UInt8(ascii: "-"))
          Self.appendDecimal(k + 1, to: &out)
          out.append("\",")
          out.append(language)
          out.append("\"text\":\"")
          JSONText.appendEscaped(text, to: &out)
          out.append("\",")
        }
        out.append("\"tokens\":[")
        for (i, t) in tokens.enumerated() {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          out.append(0x22)
          let start = out.count
          transform.append(UnsafeBufferPointer(rebasing: line[t.range]), t.kind, to: &out)
          Self.escape(&out, from: start)
          out.append(0x22)
        }
        out.append(UInt8(ascii: "]"))
        if metadata {
          out.append(",\"offsets\":[")
          var offsets = ScalarOffsets(line, origin: sentence.text.lowerBound)
          for (i, t) in tokens.enumerated() {
            out.append(i > 0 ? ",[" : "[")
            Self.appendDecimal(offsets.scalars(at: t.range.lowerBound), to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendDecimal(offsets.scalars(at: t.range.upperBound), to: &out)
            out.append(UInt8(ascii: "]"))
          }
          out.append(UInt8(ascii: "]"))
        }
        out.append("}\n")
      }
    }
  }

  /// Escapes the bytes of `out` from `start` on for the inside of a JSON string literal.
  private static func escape(_ out: inout ByteBuffer, from start: Int) {
    var first = start
    while first < out.count && !(out[first] < 0x20 || out[first] == 0x22 || out[first] == 0x5C) { first += 1 }
    guard first < out.count else { return }
    let tail = out.withUnsafeBytes { Array($0[first...]) }
    out.removeLast(out.count - first)
    tail.withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &out) }
  }

  /// Appends the decimal digits of `n` (not negative) to `out`.
  private static func appendDecimal(_ n: Int, to out: inout ByteBuffer) {
    var divisor = 1
    while divisor <= n / 10 { divisor *= 10 }
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
      divisor /= 10
    }
  }
}
