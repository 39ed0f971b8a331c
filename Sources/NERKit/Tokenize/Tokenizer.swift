/// What ``Tokenizer`` does besides breaking text.
public struct TokenizerOptions: Sendable {
  /// Language code for ICU's locale rules (sentence-break abbreviations); nil: root.
  public var language: String?
  /// Break lines into sentences (else one line is one sentence).
  public var splitSentences = true
  /// Split `Jean-Pierre` style compounds at their hyphens.
  public var splitHyphens = false
  /// Input is already split on whitespace, one sentence per line.
  public var pretokenized = false
  /// Normalization of the tokens (never of `text`).
  public var normalization: NormalizationForm? = .nfc
  public var lowercase = false
  /// Every decimal digit becomes `0`.
  public var maskDigits = false
  /// URLs become `url`, e-mail addresses `email`, numbers `num`.
  public var maskURLs = false

  public init() {}
}

/// A sentence found by ``Tokenizer``: its text (exactly as in the input), its tokens
/// (normalized and masked as asked) and each token's span in `text`, in Unicode scalars.
public struct TokenizedSentence: Equatable, Sendable {
  public var text: String
  public var tokens: [String]
  public var offsets: [Range<Int>]
}

/// Breaks lines of raw text into sentences and tokens with ICU (UAX #29 and ICU's
/// dictionaries), dropping spaces and keeping punctuation as tokens, never splitting
/// inside a grapheme cluster. On top of ICU: URLs and e-mail addresses stay one token,
/// numbers joined by `:` or `/` (`12:30`, `1/2`) stay one token, hyphenated compounds
/// stay one token unless ``TokenizerOptions/splitHyphens``, runs of periods (`...`) are
/// one token, a number keeps its percent sign (`70%`), and a period inside a sentence
/// stays with a short word before it as an abbreviation (`Sr.`, `EE.UU.`; without
/// sentence breaking, only initials such as `D.`); sentences never end inside a URL.
///
/// Not thread-safe (ICU iterators): use one per thread.
public final class Tokenizer {
  public let options: TokenizerOptions
  private let words: BreakIterator
  private let sentences: BreakIterator

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
      if options.pretokenized { return [pretokenized(bytes)] }
      var ranges: [Range<Int>] = []
      let protected = Self.protectedSpans(bytes)
      if options.splitSentences && Self.mayHoldSeveralSentences(bytes) {
        // No sentence ends inside a URL or an e-mail address ("...?b=1").
        for r in sentences.segments(bytes).map(\.range) {
          if let last = ranges.last, protected.contains(where: { $0.range.lowerBound < r.lowerBound && r.lowerBound < $0.range.upperBound }) {
            ranges[ranges.count - 1] = last.lowerBound..<r.upperBound
          } else {
            ranges.append(r)
          }
        }
      } else {
        ranges = [0..<bytes.count]
      }
      var result: [TokenizedSentence] = []
      for r in ranges {
        let trimmed = Self.trim(bytes, r)
        guard !trimmed.isEmpty else { continue }
        let inside = protected.compactMap { p -> (range: Range<Int>, kind: Kind)? in
          guard p.range.lowerBound >= trimmed.lowerBound && p.range.upperBound <= trimmed.upperBound else { return nil }
          return ((p.range.lowerBound - trimmed.lowerBound)..<(p.range.upperBound - trimmed.lowerBound), p.kind)
        }
        result.append(sentence(UnsafeBufferPointer(rebasing: bytes[trimmed]), protected: inside))
      }
      return result
    }
  }

  /// False when no sentence can end before the end of `text`: no sentence terminator nor
  /// paragraph separator stands before its final run of terminators, closing punctuation
  /// and spaces. Then ICU's sentence pass would find one sentence, and is skipped.
  static func mayHoldSeveralSentences(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    // The end of the text without its trailing terminators, closers and spaces.
    var end = text.count
    while end > 0 {
      let b = text[end - 1]
      if b == 0x20 || b == 0x09 || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
        || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
      {
        end -= 1
      } else {
        break
      }
    }
    var i = 0
    while i < end {
      let b = text[i]
      if b < 0x80 {
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
        i += 1
        continue
      }
      // Decode one scalar: a terminator of another script, or a line or paragraph
      // separator, leaves the decision to ICU.
      var length = 2
      var v = UInt32(b & 0x1F)
      if b >= 0xF0 { length = 4; v = UInt32(b & 0x07) } else if b >= 0xE0 { length = 3; v = UInt32(b & 0x0F) }
      guard i + length <= text.count else { return true }
      for k in 1..<length { v = v << 6 | UInt32(text[i + k] & 0x3F) }
      guard let scalar = Unicode.Scalar(v) else { return true }
      if scalar.properties.isSentenceTerminal || v == 0x2028 || v == 0x2029 || v == 0x85 { return true }
      i += length
    }
    return false
  }

  /// Kinds of token, for masking.
  enum Kind { case word, number, url, email, other }

  private func sentence(_ text: UnsafeBufferPointer<UInt8>, protected: [(range: Range<Int>, kind: Kind)]) -> TokenizedSentence {
    var tokens: [(range: Range<Int>, kind: Kind)] = []
    var p = 0  // index into protected
    for (range, segmentKind) in words.segments(text) {
      while p < protected.count && protected[p].range.upperBound <= range.lowerBound { p += 1 }
      if p < protected.count && protected[p].range.overlaps(range) {
        let span = protected[p]
        if range.lowerBound < span.range.lowerBound {
          addPieces(text, range.lowerBound..<span.range.lowerBound, .other, &tokens)
        }
        if tokens.last?.range != span.range { tokens.append((span.range, span.kind)) }
        if range.upperBound > span.range.upperBound {
          addPieces(text, span.range.upperBound..<range.upperBound, .other, &tokens)
        }
        continue
      }
      if Self.isSpace(text, range) { continue }
      let kind: Kind = segmentKind == .number ? .number : (segmentKind == .none ? .other : .word)
      tokens.append((range, kind))
    }
    tokens = merge(text, tokens)
    // ASCII text: byte offsets are scalar offsets.
    var ascii = true
    for b in text where b >= 0x80 { ascii = false; break }
    let scalarOffsets = ascii ? [] : Self.scalarOffsets(text)
    let whole = String(decoding: text, as: UTF8.self)
    var out = TokenizedSentence(text: whole, tokens: [], offsets: [])
    out.tokens.reserveCapacity(tokens.count)
    out.offsets.reserveCapacity(tokens.count)
    for (range, kind) in tokens {
      out.tokens.append(transform(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self), kind))
      out.offsets.append(ascii ? range : scalarOffsets[range.lowerBound]..<scalarOffsets[range.upperBound])
    }
    return out
  }

  /// Adds the non-space parts of a piece of a segment cut by a protected span.
  private func addPieces(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kind: Kind, _ tokens: inout [(range: Range<Int>, kind: Kind)]) {
    let t = Self.trim(text, range)
    if !t.isEmpty { tokens.append((t, kind)) }
  }

  /// Joins numbers around `:` and `/`, hyphenated compounds, and runs of periods.
  private func merge(_ text: UnsafeBufferPointer<UInt8>, _ tokens: [(range: Range<Int>, kind: Kind)]) -> [(range: Range<Int>, kind: Kind)] {
    guard tokens.count >= 2 else { return tokens }
    var out: [(range: Range<Int>, kind: Kind)] = []
    out.reserveCapacity(tokens.count)
    var i = 0
    func byte(_ r: Range<Int>) -> UInt8? { r.count == 1 ? text[r.lowerBound] : nil }
    func isHyphen(_ r: Range<Int>) -> Bool {
      if byte(r) == UInt8(ascii: "-") { return true }
      return r.count == 3 && text[r.lowerBound] == 0xE2 && text[r.lowerBound + 1] == 0x80 && text[r.lowerBound + 2] == 0x90  // U+2010
    }
    while i < tokens.count {
      var current = tokens[i]
      i += 1
      while i < tokens.count {
        let next = tokens[i]
        guard next.range.lowerBound == current.range.upperBound else { break }
        // "...": periods in a row.
        if byte(current.range.suffix(1)) == UInt8(ascii: "."), current.kind == .other, byte(next.range) == UInt8(ascii: "."),
          text[current.range].allSatisfy({ $0 == UInt8(ascii: ".") })
        {
          current.range = current.range.lowerBound..<next.range.upperBound
          i += 1
          continue
        }
        // An abbreviation: a short word (or one with periods inside, "EE.UU") and the
        // period right after it, where ICU saw no sentence end (a token follows).
        // Without sentence breaking, only a one-letter word counts (an initial, "D.").
        let initial = current.range.count == 1 && (text[current.range.lowerBound] | 0x20) >= UInt8(ascii: "a")
          && (text[current.range.lowerBound] | 0x20) <= UInt8(ascii: "z")
        if current.kind == .word, byte(next.range) == UInt8(ascii: "."), i + 1 < tokens.count,
          options.splitSentences ? current.range.count <= 5 || text[current.range].contains(UInt8(ascii: ".")) : initial
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
      out.append(current)
    }
    return out
  }

  private func transform(_ token: String, _ kind: Kind) -> String {
    if options.maskURLs {
      switch kind {
      case .url: return "url"
      case .email: return "email"
      case .number: return "num"
      default: break
      }
    }
    var t = token
    if let form = options.normalization { t = form.apply(t) }
    if options.lowercase { t = t.lowercased() }
    if options.maskDigits {
      t = String(String.UnicodeScalarView(t.unicodeScalars.map { $0.properties.numericType == .decimal ? "0" : $0 }))
    }
    return t
  }

  private func pretokenized(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenizedSentence {
    let scalarOffsets = Self.scalarOffsets(bytes)
    var out = TokenizedSentence(text: String(decoding: bytes, as: UTF8.self), tokens: [], offsets: [])
    var start = -1
    for i in 0...bytes.count {
      let space = i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09
      if space {
        if start >= 0 {
          let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
          let isNumber = token.unicodeScalars.first.map { $0.properties.numericType == .decimal } ?? false
          let isURL = Self.protectedSpans(UnsafeBufferPointer(rebasing: bytes[start..<i])).first { $0.range == 0..<(i - start) }
          out.tokens.append(transform(token, isURL?.kind ?? (isNumber ? .number : .word)))
          out.offsets.append(scalarOffsets[start]..<scalarOffsets[i])
          start = -1
        }
      } else if start < 0 {
        start = i
      }
    }
    return out
  }

  // MARK: - Bytes

  /// For every byte offset that starts a scalar (and the end), the scalar index.
  static func scalarOffsets(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
    var map = [Int](repeating: 0, count: text.count + 1)
    var scalars = 0
    for i in 0..<text.count {
      map[i] = scalars
      if text[i] & 0xC0 != 0x80 { scalars += 1 }
    }
    map[text.count] = scalars
    // Offsets inside a scalar never occur at token edges; map them to the next scalar.
    return map
  }

  static func isSpaceScalarStart(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    // Returns the length of a whitespace character at i, or 0.
    let b = text[i]
    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
    if b == 0xC2 && i + 1 < text.count && (text[i + 1] == 0xA0 || text[i + 1] == 0x85) { return 2 }  // NBSP, NEL
    if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 {
      let c = text[i + 2]
      if (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF { return 3 }  // U+2000-200A, 2028, 2029, 202F
    }
    if b == 0xE2 && i + 2 < text.count && text[i + 1] == 0x81 && text[i + 2] == 0x9F { return 3 }  // U+205F
    if b == 0xE3 && i + 2 < text.count && text[i + 1] == 0x80 && text[i + 2] == 0x80 { return 3 }  // U+3000
    if b == 0xE1 && i + 2 < text.count && text[i + 1] == 0x9A && text[i + 2] == 0x80 { return 3 }  // U+1680
    return 0
  }

  static func isSpace(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let n = isSpaceScalarStart(text, i)
      if n == 0 { return false }
      i += n
    }
    return true
  }

  /// `range` without whitespace at either end.
  static func trim(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    while lo < range.upperBound {
      let n = isSpaceScalarStart(text, lo)
      if n == 0 { break }
      lo += n
    }
    var hi = range.upperBound
    while hi > lo {
      // Step back one scalar.
      var s = hi - 1
      while s > lo && text[s] & 0xC0 == 0x80 { s -= 1 }
      if isSpaceScalarStart(text, s) == hi - s { hi = s } else { break }
    }
    return lo..<hi
  }

  static let urlPrefixes: [[UInt8]] = ["http://", "https://", "ftp://", "www."].map { Array($0.utf8) }

  /// URLs and e-mail addresses in `text`, in order, as byte ranges.
  static func protectedSpans(_ text: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, kind: Kind)] {
    var spans: [(range: Range<Int>, kind: Kind)] = []
    let n = text.count
    func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
    func hasPrefix(_ i: Int, _ u: [UInt8]) -> Bool {
      guard i + u.count <= n else { return false }
      for k in 0..<u.count where lower(text[i + k]) != u[k] { return false }
      return true
    }
    func isAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    func trimTrailing(_ start: Int, _ end: Int) -> Int {
      var e = end
      while e > start, ".,;:!?)]}\"'>".utf8.contains(text[e - 1]) {
        // Keep a closing parenthesis that closes one opened inside the URL.
        if text[e - 1] == UInt8(ascii: ")") {
          let opened = text[start..<e].filter { $0 == UInt8(ascii: "(") }.count
          let closed = text[start..<e].filter { $0 == UInt8(ascii: ")") }.count
          if closed <= opened { break }
        }
        e -= 1
      }
      return e
    }
    var i = 0
    while i < n {
      let c = lower(text[i])
      guard c == UInt8(ascii: "h") || c == UInt8(ascii: "f") || c == UInt8(ascii: "w") || c == UInt8(ascii: "@") else {
        i += 1
        continue
      }
      let atWordStart = i == 0 || !isAlnum(text[i - 1])
      if atWordStart && c != UInt8(ascii: "@") && Self.urlPrefixes.contains(where: { hasPrefix(i, $0) }) {
        var e = i
        while e < n && !isSpaceByte(text[e]) && text[e] != UInt8(ascii: "\"") && text[e] != UInt8(ascii: "<") { e += 1 }
        e = trimTrailing(i, e)
        if e > i + 4 {
          spans.append((i..<e, .url))
          i = e
          continue
        }
      }
      if text[i] == UInt8(ascii: "@") && i > 0 && i + 1 < n {
        func local(_ b: UInt8) -> Bool { isAlnum(b) || "._%+-".utf8.contains(b) }
        func domain(_ b: UInt8) -> Bool { isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") }
        var s = i
        while s > 0 && local(text[s - 1]) { s -= 1 }
        var e = i + 1
        while e < n && domain(text[e]) { e += 1 }
        while e > i + 1 && (text[e - 1] == UInt8(ascii: ".") || text[e - 1] == UInt8(ascii: "-")) { e -= 1 }
        let dom = text[(i + 1)..<e]
        if s < i, dom.contains(UInt8(ascii: ".")), dom.first.map(isAlnum) == true {
          // Drop spans this one swallows (a URL cannot contain an address here).
          while let last = spans.last, last.range.upperBound > s { spans.removeLast() }
          spans.append((s..<e, .email))
          i = e
          continue
        }
      }
      i += 1
    }
    return spans
  }
}
