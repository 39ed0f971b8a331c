/// Breaks lines of raw text into sentences and tokens with ICU (UAX #29 and ICU's
/// dictionaries), dropping spaces and keeping punctuation as tokens, never splitting
/// inside a grapheme cluster. On top of ICU: URLs and e-mail addresses stay one token,
/// numbers joined by `:` or `/` (`12:30`, `1/2`) stay one token, hyphenated compounds
/// stay one token unless ``TokenizerOptions/splitHyphens``, runs of periods (`...`) are
/// one token, a number keeps its percent sign (`70%`), and a period inside a sentence
/// stays with a short word before it as an abbreviation (`Sr.`, `EE.UU.`; without
/// sentence breaking, only initials such as `D.`); sentences never end inside a URL.
///
/// ``tokenize(_:into:)`` works on the line's bytes and gives byte ranges, for writers that
/// copy tokens straight to their output (``TokenizedLineWriter``); ``tokenize(line:)``
/// gives strings.
///
/// Not thread-safe (ICU iterators): use one per thread.
public final class Tokenizer {
  public let options: TokenizerOptions
  private let words: BreakIterator
  private let sentences: BreakIterator

  /// Kinds of token, for masking.
  enum Kind { case word, number, url, email, other }

  public init(options: TokenizerOptions = TokenizerOptions()) throws {
    self.options = options
    let locale = options.language ?? ""
    words = try BreakIterator(kind: .word, locale: locale)
    sentences = try BreakIterator(kind: .sentence, locale: locale, suppressAbbreviations: true)
  }

  /// The sentences of one line of text (without its line end).
  public func tokenize(line: String) -> [TokenizedSentence] {
    var line = line
    return line.withUTF8 { bytes -> [TokenizedSentence] in
      var tokenized = TokenizedLine()
      tokenize(bytes, into: &tokenized)
      let transform = TokenTransform(options)
      return tokenized.sentences.map { sentence in
        var out = TokenizedSentence(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence.text]), as: UTF8.self), tokens: [], offsets: [])
        var offsets = ScalarOffsets(bytes, origin: sentence.text.lowerBound)
        for t in tokenized.tokens[sentence.tokens] {
          var token = ByteBuffer(capacity: t.range.count)
          transform.append(UnsafeBufferPointer(rebasing: bytes[t.range]), t.kind, to: &token)
          out.tokens.append(token.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
          out.offsets.append(offsets.scalars(at: t.range.lowerBound)..<offsets.scalars(at: t.range.upperBound))
        }
        return out
      }
    }
  }

  /// Breaks one line of valid UTF-8 (without its line end) into sentences and tokens, as
  /// byte ranges into it, in `result` (replacing what it held). Sentences that are only
  /// whitespace are left out; tokens are as they stand in the line.
  public func tokenize(_ line: UnsafeBufferPointer<UInt8>, into result: inout TokenizedLine) {
    result.removeAll()
    if options.pretokenized {
      pretokenized(line, into: &result)
      return
    }
    Self.protectedSpans(line, into: &result.protected)
    result.ranges.removeAll(keepingCapacity: true)
    if options.splitSentences && Self.mayHoldSeveralSentences(line) {
      sentences.segment(line, into: &result.segments)
      for i in 0..<result.segments.count {
        let r = result.segments[i]
        // No sentence ends inside a URL or an e-mail address ("...?b=1").
        if let last = result.ranges.last,
          result.protected.contains(where: { $0.range.lowerBound < r.lowerBound && r.lowerBound < $0.range.upperBound })
        {
          result.ranges[result.ranges.count - 1] = last.lowerBound..<r.upperBound
        } else {
          result.ranges.append(r)
        }
      }
    } else {
      result.ranges.append(0..<line.count)
    }
    for k in 0..<result.ranges.count {
      let trimmed = Self.trim(line, result.ranges[k])
      guard !trimmed.isEmpty else { continue }
      sentence(line, trimmed, into: &result)
    }
  }

  /// Adds the sentence at `range` of `line` (trimmed, not empty) and its tokens to `result`.
  private func sentence(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout TokenizedLine) {
    let text = UnsafeBufferPointer(rebasing: line[range])
    let base = range.lowerBound
    // The URLs and addresses inside the sentence, in its offsets.
    result.inside.removeAll(keepingCapacity: true)
    for p in result.protected where p.range.lowerBound >= range.lowerBound && p.range.upperBound <= range.upperBound {
      result.inside.append(.init(range: (p.range.lowerBound - base)..<(p.range.upperBound - base), kind: p.kind))
    }
    words.segment(text, into: &result.segments)
    result.pieces.removeAll(keepingCapacity: true)
    var p = 0  // index into result.inside
    for s in 0..<result.segments.count {
      let range = result.segments[s]
      while p < result.inside.count && result.inside[p].range.upperBound <= range.lowerBound { p += 1 }
      if p < result.inside.count && result.inside[p].range.overlaps(range) {
        let span = result.inside[p]
        if range.lowerBound < span.range.lowerBound {
          addPieces(text, range.lowerBound..<span.range.lowerBound, .other, &result.pieces)
        }
        if result.pieces.last?.range != span.range { result.pieces.append(span) }
        if range.upperBound > span.range.upperBound {
          addPieces(text, span.range.upperBound..<range.upperBound, .other, &result.pieces)
        }
        continue
      }
      if Self.mayStartSpace(text[range.lowerBound]) && Self.isSpace(text, range) { continue }
      let segmentKind = result.segments.kind(s)
      let kind: Kind = segmentKind == .number ? .number : (segmentKind == .none ? .other : .word)
      result.pieces.append(.init(range: range, kind: kind))
    }
    let first = result.tokens.count
    merge(text, result.pieces, base: base, into: &result.tokens)
    result.sentences.append(.init(text: range, tokens: first..<result.tokens.count))
  }

  /// Adds the non-space parts of a piece of a segment cut by a protected span.
  private func addPieces(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Kind, _ tokens: inout [TokenizedLine.Token]) {
    let t = Self.trim(text, range)
    if !t.isEmpty { tokens.append(.init(range: t, kind: kind)) }
  }

  /// Joins numbers around `:` and `/`, hyphenated compounds, and runs of periods, and
  /// appends the tokens of `text` to `out`, moved by `base`.
  private func merge(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [TokenizedLine.Token], base: Int, into out: inout [TokenizedLine.Token]) {
    func add(_ t: TokenizedLine.Token) { out.append(.init(range: (t.range.lowerBound + base)..<(t.range.upperBound + base), kind: t.kind)) }
    guard tokens.count >= 2 else {
      tokens.forEach(add)
      return
    }
    var i = 0
    func byte(_ r: Range<Int>) -> UInt8? { r.count == 1 ? text[r.lowerBound] : nil }
    func isHyphen(_ r: Range<Int>) -> Bool {
      if byte(r) == UInt8(ascii: "-") { return true }
      return r.count == 3 && text[r.lowerBound] == 0xE2 && text[r.lowerBound + 1] == 0x80 && text[r.lowerBound + 2] == 0x90  // U+2010
    }
    while i < tokens.count {
      var current = tokens[i]
      i += 1
      // Whether `current` is periods only: checked once, kept while periods join it (a
      // check of the whole token at each period would be quadratic on a run of them).
      var periodsOnly = current.kind == .other && text[current.range].allSatisfy({ $0 == UInt8(ascii: ".") })
      while i < tokens.count {
        let next = tokens[i]
        guard next.range.lowerBound == current.range.upperBound else { break }
        // "...": periods in a row.
        if periodsOnly, current.kind == .other, byte(next.range) == UInt8(ascii: ".") {
          current.range = current.range.lowerBound..<next.range.upperBound
          i += 1
          continue
        }
        periodsOnly = false
        // An abbreviation: a short word (or one with periods inside, "EE.UU") and the
        // period right after it, where ICU saw no sentence end (a token follows).
        // Without sentence breaking, only a one-letter word counts (an initial, "D.").
        func initial() -> Bool {
          current.range.count == 1 && (text[current.range.lowerBound] | 0x20) >= UInt8(ascii: "a")
            && (text[current.range.lowerBound] | 0x20) <= UInt8(ascii: "z")
        }
        if current.kind == .word, byte(next.range) == UInt8(ascii: "."), i + 1 < tokens.count,
          options.splitSentences ? current.range.count <= 5 || text[current.range].contains(UInt8(ascii: ".")) : initial()
        {
          current.range = current.range.lowerBound..<next.range.upperBound
          current.kind = .other
          i += 1
          continue
        }
        // "70%"
        if current.kind == .number, byte(next.range) == UInt8(ascii: "%") {
          current.range = current.range.lowerBound..<next.range.upperBound
          i += 1
          continue
        }
        // number (: or /) number
        if current.kind == .number, i + 1 < tokens.count, let sep = byte(next.range),
          sep == UInt8(ascii: ":") || sep == UInt8(ascii: "/"),
          tokens[i + 1].kind == .number, tokens[i + 1].range.lowerBound == next.range.upperBound
        {
          current.range = current.range.lowerBound..<tokens[i + 1].range.upperBound
          i += 2
          continue
        }
        // word - word
        if !options.splitHyphens, current.kind == .word || current.kind == .number, isHyphen(next.range),
          i + 1 < tokens.count, tokens[i + 1].kind == .word || tokens[i + 1].kind == .number,
          tokens[i + 1].range.lowerBound == next.range.upperBound
        {
          current.range = current.range.lowerBound..<tokens[i + 1].range.upperBound
          current.kind = .word
          i += 2
          continue
        }
        break
      }
      add(current)
    }
  }

  /// The whole line as one sentence, its tokens split at spaces and tabs.
  private func pretokenized(_ line: UnsafeBufferPointer<UInt8>, into result: inout TokenizedLine) {
    var start = -1
    for i in 0...line.count {
      let space = i == line.count || line[i] == 0x20 || line[i] == 0x09
      if space {
        if start >= 0 {
          let token = UnsafeBufferPointer(rebasing: line[start..<i])
          // Kinds matter for masking only.
          let kind = options.maskURLs ? Self.pretokenizedKind(token) : .word
          result.tokens.append(.init(range: start..<i, kind: kind))
          start = -1
        }
      } else if start < 0 {
        start = i
      }
    }
    result.sentences.append(.init(text: 0..<line.count, tokens: 0..<result.tokens.count))
  }

  /// A given token's kind: a URL or an e-mail address when it is one whole, else a number
  /// when it starts with a decimal digit, else a word.
  private static func pretokenizedKind(_ token: UnsafeBufferPointer<UInt8>) -> Kind {
    if let span = protectedSpans(token).first(where: { $0.range == 0..<token.count }) { return span.kind }
    var bytes = token.makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let first) = decoder.decode(&bytes), first.properties.numericType == .decimal { return .number }
    return .word
  }
}
