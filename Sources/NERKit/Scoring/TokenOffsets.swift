/// Where each token of a sentence lies in the sentence's text, in Unicode scalars (as
/// `ner-tokenize` writes `offsets`): for scoring two tokenizations of one text by
/// character extent (``CharacterAlignment``).
public enum TokenOffsets {
  /// A sentence whose tokens cannot be placed in its text.
  public struct Failure: Error, Equatable {
    public var line: Int
    public var message: String
  }

  /// The text of `sentence`: its `# text` line or JSONL `text`.
  public static func text(of sentence: Sentence) -> String? { sentence.metadata("text") }

  /// The offsets of `sentence`'s tokens in `text`: from its `offsets` (JSONL, or a
  /// `# offsets = [[0,3],...]` line), checked to be one pair a token, in order, not
  /// overlapping and within the text; else found by locating each token in the text in
  /// order, after whitespace only (canonically equivalent characters match, so NFC
  /// tokens are found in NFD text). Empty tokens and tokens not found are a ``Failure``.
  public static func of(_ sentence: Sentence, text: String) throws -> [Range<Int>] {
    let length = text.unicodeScalars.count
    if let raw = field(sentence, "offsets") {
      guard let pairs = parse(raw) else {
        throw Failure(line: sentence.line, message: "'offsets' is not an array of [start, end] pairs of numbers")
      }
      guard pairs.count == sentence.count else {
        throw Failure(line: sentence.line, message: "'offsets' has \(pairs.count) pairs for \(sentence.count) tokens")
      }
      var previous = 0
      for (i, p) in pairs.enumerated() {
        guard p.0 >= previous, p.0 < p.1, p.1 <= length else {
          throw Failure(
            line: sentence.lineOfToken(i),
            message: "offsets [\(p.0), \(p.1)] of token \(i) ('\(sentence.tokens[i])') are not a non-empty range after the previous token's within the text's \(length) characters")
        }
        previous = p.1
      }
      return pairs.map { $0.0..<$0.1 }
    }
    return try locate(sentence, in: text)
  }

  /// The value of a metadata line or JSONL field `key`, string or JSON.
  static func field(_ sentence: Sentence, _ key: String) -> String? {
    for line in sentence.header {
      switch line {
      case .pair(let k, let v) where k == key: return v
      case .json(let k, let raw) where k == key: return raw
      default: continue
      }
    }
    return nil
  }

  /// Each token found in `text` in order, after whitespace only.
  static func locate(_ sentence: Sentence, in text: String) throws -> [Range<Int>] {
    let chars = Array(text)
    var scalarAt = [0]
    scalarAt.reserveCapacity(chars.count + 1)
    for c in chars { scalarAt.append(scalarAt.last! + c.unicodeScalars.count) }
    var at = 0
    var result: [Range<Int>] = []
    result.reserveCapacity(sentence.count)
    for (i, token) in sentence.tokens.enumerated() {
      while at < chars.count && chars[at].isWhitespace { at += 1 }
      let t = Array(token)
      guard !t.isEmpty, at + t.count <= chars.count, chars[at..<(at + t.count)].elementsEqual(t) else {
        let next = String(chars[at..<min(chars.count, at + max(t.count, 1) + 10)])
        throw Failure(
          line: sentence.lineOfToken(i),
          message: "token \(i) ('\(token)') is not the next word of the sentence text at character \(scalarAt[at]) ('\(next)'); give 'offsets' or a text its tokens are cut from")
      }
      result.append(scalarAt[at]..<scalarAt[at + t.count])
      at += t.count
    }
    return result
  }

  /// `[[a,b],[c,d],...]` (whitespace allowed), or nil.
  static func parse(_ raw: String) -> [(Int, Int)]? {
    var bytes = Array(raw.utf8)[...]
    func skip() { while let b = bytes.first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { bytes.removeFirst() } }
    func expect(_ c: UInt8) -> Bool {
      skip()
      guard bytes.first == c else { return false }
      bytes.removeFirst()
      return true
    }
    func number() -> Int? {
      skip()
      var n = 0, digits = 0
      while let b = bytes.first, b >= 0x30, b <= 0x39, digits < 15 {
        n = n * 10 + Int(b - 0x30)
        digits += 1
        bytes.removeFirst()
      }
      if let b = bytes.first, b >= 0x30, b <= 0x39 { return nil }
      return digits > 0 ? n : nil
    }
    guard expect(UInt8(ascii: "[")) else { return nil }
    var pairs: [(Int, Int)] = []
    skip()
    if bytes.first == UInt8(ascii: "]") {
      bytes.removeFirst()
      skip()
      return bytes.isEmpty ? pairs : nil
    }
    repeat {
      guard expect(UInt8(ascii: "[")), let a = number(), expect(UInt8(ascii: ",")), let b = number(),
        expect(UInt8(ascii: "]"))
      else { return nil }
      pairs.append((a, b))
    } while expect(UInt8(ascii: ","))
    guard expect(UInt8(ascii: "]")) else { return nil }
    skip()
    return bytes.isEmpty ? pairs : nil
  }
}
