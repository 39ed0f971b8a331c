/// Writes JSONL, one record per line.
///
/// Metadata become string fields (`id`, `lang`, `text`), columns arrays under their keys,
/// verbatim comment lines a `comments` array, and a CoNLL layout other than the default
/// (tabs, LF, one blank line after) a `conll` object, so that ``JSONLReader`` followed by
/// ``CoNLLWriter`` gives back the CoNLL text byte for byte. A record read from JSONL keeps
/// its key order; new columns go right after `tokens`, and `pred` last.
public final class JSONLWriter: RecordWriter {
  private let out: OutputBuffer
  /// Leave out metadata and comments.
  public var dropMetadata = false

  public init(_ out: OutputBuffer) { self.out = out }

  public func write(_ record: Record) throws {
    var entries: [(String, String)] = []
    let layout: Layout
    let order: [String]?
    switch record {
    case .documentStart(let d):
      entries.append(("docstart", JSONText.quote(d.text)))
      if !dropMetadata { entries.append(contentsOf: Self.headerEntries(d.header)) }
      layout = d.layout
      order = nil
    case .sentence(let s):
      if !dropMetadata { entries.append(contentsOf: Self.headerEntries(s.header)) }
      for c in s.columns { entries.append((c.key, JSONText.array(c.values))) }
      if s.columns.isEmpty { entries.append(("tokens", "[]")) }
      layout = s.layout
      order = s.jsonKeyOrder
    }
    if let l = Self.layoutObject(layout, isDocStart: { if case .documentStart = record { return true } else { return false } }()) {
      entries.append(("conll", l))
    }
    if let order { entries = Self.reorder(entries, by: order) }
    var line = "{"
    for (i, (k, v)) in entries.enumerated() {
      if i > 0 { line += "," }
      line += JSONText.quote(k)
      line += ":"
      line += v
    }
    line += "}\n"
    try out.write(line)
  }

  public func finish() throws { try out.flush() }

  static func headerEntries(_ header: [HeaderLine]) -> [(String, String)] {
    var entries: [(String, String)] = []
    var comments: [String] = []
    var commentsAt: Int?
    for h in header {
      switch h {
      case .pair(let k, let v): entries.append((k, JSONText.quote(v)))
      case .json(let k, let raw): entries.append((k, raw))
      case .comment(let c):
        if commentsAt == nil { commentsAt = entries.count }
        comments.append(c)
      }
    }
    if let at = commentsAt { entries.insert(("comments", JSONText.array(comments)), at: at) }
    return entries
  }

  static func layoutObject(_ l: Layout, isDocStart: Bool) -> String? {
    var parts: [String] = []
    if l.separator != 0x09 && !isDocStart { parts.append("\"sep\":\" \"") }
    if isDocStart && l.separator != 0x09 { parts.append("\"sep\":\" \"") }
    if l.crlf { parts.append("\"crlf\":true") }
    if l.blankLinesBefore != 0 { parts.append("\"before\":\(l.blankLinesBefore)") }
    if l.blankLinesAfter != 1 { parts.append("\"after\":\(l.blankLinesAfter)") }
    if !l.finalNewline { parts.append("\"final_newline\":false") }
    return parts.isEmpty ? nil : "{" + parts.joined(separator: ",") + "}"
  }

  static func reorder(_ entries: [(String, String)], by order: [String]) -> [(String, String)] {
    let known = Set(order)
    var byKey: [String: String] = [:]
    for (k, v) in entries { byKey[k] = v }
    let fresh = entries.filter { !known.contains($0.0) && $0.0 != "pred" && $0.0 != "conll" }
    var result: [(String, String)] = []
    for k in order {
      guard let v = byKey[k] else { continue }
      result.append((k, v))
      if k == "tokens" { result.append(contentsOf: fresh) }
    }
    if !order.contains("tokens") { result.append(contentsOf: fresh) }
    if !known.contains("pred"), let p = byKey["pred"] { result.append(("pred", p)) }
    if !known.contains("conll"), let c = byKey["conll"] { result.append(("conll", c)) }
    return result
  }
}
