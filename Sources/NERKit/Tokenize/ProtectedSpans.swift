#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// URLs and e-mail addresses, which ``Tokenizer`` keeps whole.
extension Tokenizer {
  static let urlPrefixes: [[UInt8]] = ["http://", "https://", "ftp://", "www."].map { Array($0.utf8) }

  /// URLs and e-mail addresses in `text`, in order, as byte ranges.
  static func protectedSpans(_ text: UnsafeBufferPointer<UInt8>) -> [TokenizedLine.Token] {
    var spans: [TokenizedLine.Token] = []
    protectedSpans(text, into: &spans)
    return spans
  }

  /// Puts the URLs and e-mail addresses of `text` in `spans` (replacing what it held).
  static func protectedSpans(_ text: UnsafeBufferPointer<UInt8>, into spans: inout [TokenizedLine.Token]) {
    spans.removeAll(keepingCapacity: true)
    guard mayHoldProtectedSpans(text) else { return }
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
          spans.append(.init(range: i..<e, kind: .url))
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
          spans.append(.init(range: s..<e, kind: .email))
          i = e
          continue
        }
      }
      i += 1
    }
  }

  /// False when `text` holds no `@`, no `://` and no `www.` (in any case), so no URL nor
  /// e-mail address (a quick test with memchr before the byte by byte scan).
  static func mayHoldProtectedSpans(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = text.baseAddress else { return false }
    let n = text.count
    if memchr(base, Int32(UInt8(ascii: "@")), n) != nil { return true }
    // Whether some `mark` in the text passes `test` (given its offset).
    func any(_ mark: UInt8, _ test: (Int) -> Bool) -> Bool {
      var i = 0
      while i < n, let p = memchr(base + i, Int32(mark), n - i) {
        let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        if test(at) { return true }
        i = at + 1
      }
      return false
    }
    func isW(_ b: UInt8) -> Bool { b | 0x20 == UInt8(ascii: "w") }
    let slash = UInt8(ascii: "/")
    return any(UInt8(ascii: ":")) { $0 + 2 < n && text[$0 + 1] == slash && text[$0 + 2] == slash }
      || any(UInt8(ascii: ".")) { $0 >= 3 && isW(text[$0 - 1]) && isW(text[$0 - 2]) && isW(text[$0 - 3]) }
  }
}
