/// A small seeded generator (SplitMix64): the same seed gives the same cases on every
/// machine.
struct FuzzRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n` (n > 0).
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// The ways an input is damaged. Each takes the input's bytes and returns them changed;
/// generic ones work on any text, the others know a format's fields.
enum Mutation: CaseIterable {
  case flipByte, truncate, invalidUTF8, nul, longToken, raggedColumns, crlf, loneCR
  case commentLine, docstartLine, invalidTag, specialValue, breakJSON, wrongJSONType
  case deleteLine, duplicateLine, emptyLines

  /// Values that parsers find hard: huge, non-finite, negative, empty, punctuation.
  static let specials = [
    "nan", "inf", "-inf", "1e999", "9223372036854775807", "99999999999", "4611686018427387904", "-1", "0", "",
    "B-", "I-", "X-PER", "B_PER", "E-", "\u{0}", "{", "}", "[", "\"", "\\", "null", "true", "{}", "[]", "-DOCSTART-",
    "#", "\t", " ", "=", ":", "%x[0,0]", "%x[99999999999,0]", "%x[-9,9]", "U:", "é", "\u{200B}", "𝔸",
  ]

  /// `bytes` changed by this mutation; `cap` bounds the length of what it inserts.
  func apply(_ bytes: [UInt8], _ r: inout FuzzRandom, cap: Int) -> [UInt8] {
    var b = bytes
    switch self {
    case .flipByte:
      guard !b.isEmpty else { return [r.pick([0x80, 0xFF, 0x00])] }
      for _ in 0...r.below(3) { b[r.below(b.count)] ^= UInt8(truncatingIfNeeded: 1 << r.below(8)) }
    case .truncate: b = Array(b.prefix(r.below(b.count + 1)))
    case .invalidUTF8: b.insert(contentsOf: r.pick([[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]), at: r.below(b.count + 1))
    case .nul: b.insert(0, at: r.below(b.count + 1))
    case .longToken:
      let unit: [UInt8] = r.pick([[97], [46], [45], [0xC3, 0xA9], [97, 46]])
      b.insert(contentsOf: Array([[UInt8]](repeating: unit, count: 1 + r.below(max(cap / unit.count, 1))).joined()), at: r.below(b.count + 1))
    case .crlf: b = b.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    case .loneCR: b.insert(0x0D, at: r.below(b.count + 1))
    default: b = Self.lineLevel(self, b, &r)
    }
    return b
  }

  /// The mutations that work on whole lines or fields.
  private static func lineLevel(_ m: Mutation, _ bytes: [UInt8], _ r: inout FuzzRandom) -> [UInt8] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    let i = r.below(lines.count)
    switch m {
    case .commentLine: lines.insert(Array(r.pick(["#", "# id = 1", "#\tx\ty", "# text = a b"]).utf8), at: i)
    case .docstartLine: lines.insert(Array(r.pick(["-DOCSTART- -X- O O", "-DOCSTART-", "-DOCSTART-\tO"]).utf8), at: i)
    case .deleteLine: lines.remove(at: i)
    case .duplicateLine: lines.insert(lines[i], at: i)
    case .emptyLines: lines.insert(contentsOf: [[], []], at: i)
    case .raggedColumns:
      var fields = split(lines[i])
      if fields.count > 1, r.chance(50) { fields.remove(at: r.below(fields.count)) } else { fields.append(Array("X".utf8)) }
      lines[i] = join(fields, lines[i])
    case .invalidTag, .specialValue:
      var fields = split(lines[i])
      guard !fields.isEmpty else { break }
      let value = m == .invalidTag ? r.pick(["B-", "I-", "B_PER", "X-PER", "E-LOC", "b-per", "I-PER-", "O-"]) : r.pick(specials)
      fields[m == .invalidTag ? fields.count - 1 : r.below(fields.count)] = Array(value.utf8)
      lines[i] = join(fields, lines[i])
    case .breakJSON: lines[i] = breakJSON(lines[i], &r)
    case .wrongJSONType: lines[i] = wrongJSONType(lines[i], &r)
    default: break
    }
    return Array(lines.joined(separator: [0x0A]))
  }

  /// The fields of a line, split at tabs when it has one, else at spaces.
  private static func split(_ line: [UInt8]) -> [[UInt8]] {
    let separator: UInt8 = line.contains(0x09) ? 0x09 : 0x20
    return line.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
  }

  private static func join(_ fields: [[UInt8]], _ original: [UInt8]) -> [UInt8] {
    Array(fields.joined(separator: [original.contains(0x09) ? 0x09 : 0x20]))
  }

  /// A JSON line with one structural character removed or doubled.
  private static func breakJSON(_ line: [UInt8], _ r: inout FuzzRandom) -> [UInt8] {
    let structural = line.indices.filter { "{}[]\":,".utf8.contains(line[$0]) }
    guard !structural.isEmpty else { return line + Array("{".utf8) }
    var l = line
    let at = r.pick(structural)
    if r.chance(50) { l.remove(at: at) } else { l.insert(l[at], at: at) }
    return l
  }

  /// A JSON line with a string or array value replaced by a value of another type.
  private static func wrongJSONType(_ line: [UInt8], _ r: inout FuzzRandom) -> [UInt8] {
    let colons = line.indices.filter { line[$0] == UInt8(ascii: ":") }
    guard !colons.isEmpty else { return line }
    let start = r.pick(colons) + 1
    var depth = 0, inString = false, end = start
    while end < line.count {
      let c = line[end]
      if inString {
        if c == UInt8(ascii: "\\") { end += 1 } else if c == UInt8(ascii: "\"") { inString = false }
      } else if c == UInt8(ascii: "\"") {
        inString = true
      } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
        depth += 1
      } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
        if depth == 0 { break }
        depth -= 1
      } else if c == UInt8(ascii: ","), depth == 0 {
        break
      }
      end += 1
    }
    let value = r.pick(["1", "null", "true", "{}", "[]", "[1]", "[null]", "[[\"a\"]]", "\"x\"", "-1e999", "{\"after\":1}", "{\"after\":-1}"])
    return Array(line[..<start]) + Array(value.utf8) + Array(line[min(end, line.count)...])
  }
}
