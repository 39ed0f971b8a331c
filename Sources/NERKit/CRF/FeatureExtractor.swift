/// The default NER feature templates: at least CRFsuite's `example/ner.py` set, written
/// for this project.
///
/// For every token, observations are computed from its text: the word (`w`), lowercase
/// (`wl`), shape (`shape`: U upper, L lower, D digit, `.` for `.,`, `;` for `;:?!`, `-` for
/// `+-*/=|_`, `(` and `)` for brackets) and collapsed shape (`shaped`), a token type
/// (`type`: AllUpper, AllDigit, ..., InitUpper, AllLetter, AllAlnum), prefixes and
/// suffixes of 1 to 4 characters (`p1`..`p4`, `s1`..`s4`), and yes/no flags: two digits,
/// four digits, digits and letters, digits with `-`, `/`, `,` or `.`, capital and period,
/// initial capital, all upper, all lower, all digits, all other, contains upper, lower,
/// letter, digit, symbol. Extra columns (POS, chunk...) are observations too (`c1`, `c2`,
/// ... or their names). Features: every observation at offsets -2..+2 (`w[-1]=the`),
/// bigrams of neighbouring `w`, `shaped`, `type` and extra columns (`w[0]|w[1]=New|York`),
/// the words 1 to 4 tokens to the left and to the right as bags (`w[-4..-1]=in`), and
/// `__BOS__` / `__EOS__` on the first and last token.
public struct FeatureExtractor: Sendable {
  /// Names of the extra columns used as observations (in the sentence's column order).
  public var extraColumns: [String] = []

  public init(extraColumns: [String] = []) { self.extraColumns = extraColumns }

  static let unigramNames = [
    "w", "wl", "shape", "shaped", "type", "p1", "p2", "p3", "p4", "s1", "s2", "s3", "s4",
    "2d", "4d", "d&a", "d&-", "d&/", "d&,", "d&.", "up", "iu", "au", "al", "ad", "ao",
    "cu", "cl", "ca", "cd", "cs",
  ]
  static let bigramNames = ["w", "shaped", "type"]

  /// The observations of one token, in the order of ``unigramNames``.
  public static func observations(_ token: String) -> [String] {
    let chars = Array(token)
    func yes(_ b: Bool) -> String { b ? "yes" : "no" }
    var shape = ""
    for c in chars {
      if c.isUppercase { shape += "U" }
      else if c.isLowercase { shape += "L" }
      else if c.isNumber && c.wholeNumberValue != nil { shape += "D" }
      else if c == "." || c == "," { shape += "." }
      else if ";:?!".contains(c) { shape += ";" }
      else if "+-*/=|_".contains(c) { shape += "-" }
      else if "({[<".contains(c) { shape += "(" }
      else if ")}]>".contains(c) { shape += ")" }
      else { shape.append(c) }
    }
    var collapsed = ""
    for c in shape where collapsed.last != c { collapsed.append(c) }
    func isDigit(_ c: Character) -> Bool { c.wholeNumberValue != nil && c.isNumber }
    func prefix(_ n: Int) -> String { chars.count >= n ? String(chars[0..<n]) : "" }
    func suffix(_ n: Int) -> String { chars.count >= n ? String(chars[(chars.count - n)...]) : "" }
    func digitsAnd(_ p: Character) -> Bool {
      var d = false, s = false
      for c in chars {
        if isDigit(c) { d = true } else if c == p { s = true } else { return false }
      }
      return d && s
    }
    var digitsAndLetters = false
    do {
      var d = false, a = false, ok = true
      for c in chars {
        if isDigit(c) { d = true } else if c.isLetter { a = true } else { ok = false; break }
      }
      digitsAndLetters = ok && d && a
    }
    let allDigits = !chars.isEmpty && chars.allSatisfy(isDigit)
    let hasUpper = chars.contains { $0.isUppercase }
    let hasLower = chars.contains { $0.isLowercase }
    let cased = chars.contains { $0.isCased }
    return [
      token, token.lowercased(), shape, collapsed, tokenType(chars),
      prefix(1), prefix(2), prefix(3), prefix(4), suffix(1), suffix(2), suffix(3), suffix(4),
      yes(chars.count == 2 && allDigits), yes(chars.count == 4 && allDigits), yes(digitsAndLetters),
      yes(digitsAnd("-")), yes(digitsAnd("/")), yes(digitsAnd(",")), yes(digitsAnd(".")),
      yes(chars.count == 2 && chars[0].isUppercase && chars[1] == "."),
      yes(chars.first?.isUppercase ?? false), yes(cased && hasUpper && !hasLower), yes(cased && hasLower && !hasUpper),
      yes(allDigits), yes(!chars.isEmpty && !chars.contains { $0.isLetter || $0.isNumber }),
      yes(hasUpper), yes(hasLower), yes(chars.contains { $0.isLetter }), yes(chars.contains(where: isDigit)),
      yes(chars.contains { !($0.isLetter || $0.isNumber) }),
    ]
  }

  static func tokenType(_ chars: [Character]) -> String {
    if chars.isEmpty { return "EMPTY" }
    let order = ["AllUpper", "AllDigit", "AllSymbol", "AllUpperDigit", "AllUpperSymbol", "AllDigitSymbol",
                 "AllUpperDigitSymbol", "InitUpper", "AllLetter", "AllAlnum"]
    var r = Set(order)
    for (i, c) in chars.enumerated() {
      if c.isUppercase {
        r.subtract(["AllDigit", "AllSymbol", "AllDigitSymbol"])
      } else if (c.isNumber && c.wholeNumberValue != nil) || c == "," || c == "." {
        r.subtract(["AllUpper", "AllSymbol", "AllUpperSymbol", "AllLetter"])
      } else if c.isLowercase {
        r.subtract(["AllUpper", "AllDigit", "AllSymbol", "AllUpperDigit", "AllUpperSymbol", "AllDigitSymbol", "AllUpperDigitSymbol"])
      } else {
        r.subtract(["AllUpper", "AllDigit", "AllUpperDigit", "AllLetter", "AllAlnum"])
      }
      if i == 0 && !c.isUppercase { r.remove("InitUpper") }
    }
    return order.first { r.contains($0) } ?? "NO"
  }

  /// The features of every token of a sentence. `extra[k]` holds the values of extra
  /// column `k` (one per token).
  public func features(tokens: [String], extra: [[String]] = []) -> [[String]] {
    let n = tokens.count
    var obs = tokens.map(Self.observations)
    for k in 0..<min(extra.count, extraColumns.count) {
      for t in 0..<n { obs[t].append(extra[k][t]) }
    }
    let names = Self.unigramNames + extraColumns.prefix(extra.count)
    let bigrams = Self.bigramNames.compactMap { names.firstIndex(of: $0) }
      + (Self.unigramNames.count..<names.count)
    var result = [[String]](repeating: [], count: n)
    for t in 0..<n {
      var f: [String] = []
      f.reserveCapacity(names.count * 5 + bigrams.count * 4 + 10)
      for (k, name) in names.enumerated() {
        for offset in -2...2 where t + offset >= 0 && t + offset < n {
          f.append("\(name)[\(offset)]=\(obs[t + offset][k])")
        }
      }
      for k in bigrams {
        let name = names[k]
        for offset in -2...1 where t + offset >= 0 && t + offset + 1 < n {
          f.append("\(name)[\(offset)]|\(name)[\(offset + 1)]=\(obs[t + offset][k])|\(obs[t + offset + 1][k])")
        }
      }
      for offset in -4...(-1) where t + offset >= 0 { f.append("w[-4..-1]=\(tokens[t + offset])") }
      for offset in 1...4 where t + offset < n { f.append("w[1..4]=\(tokens[t + offset])") }
      if t == 0 { f.append("__BOS__") }
      if t == n - 1 { f.append("__EOS__") }
      result[t] = f
    }
    return result
  }

  /// Whether a feature name is a word feature of the built-in set: the word or its
  /// lowercase at some offset, a word bigram, or a bag of words (`w[0]=Kyiv`,
  /// `wl[-1]=in`, `w[0]|w[1]=New|York`, `w[-4..-1]=in`).
  public static func isWordFeature(_ name: String) -> Bool {
    name.hasPrefix("w[") || name.hasPrefix("wl[")
  }

  /// Each feature doubled with a copy conjoined with the language (Daumé 2007):
  /// `w[0]=Kyiv` and `uk|w[0]=Kyiv`. Without `sharingWords`, word features
  /// (``isWordFeature(_:)``) keep only their conjoined copy.
  public static func withLanguage(_ features: [[String]], language: String, sharingWords: Bool = true) -> [[String]] {
    features.map { f in
      (sharingWords ? f : f.filter { !isWordFeature($0) }) + f.map { "\(language)|\($0)" }
    }
  }

  /// The same for attributes with values (CRFsuite data): the copies keep the values.
  public static func withLanguage(_ attributes: [[(String, Double)]], language: String,
                                  sharingWords: Bool = true) -> [[(String, Double)]] {
    attributes.map { a in
      (sharingWords ? a : a.filter { !isWordFeature($0.0) }) + a.map { ("\(language)|\($0.0)", $0.1) }
    }
  }
}
