/// Reads CoNLL: one token per line, fields separated by tabs or spaces, a blank line
/// between sentences.
///
/// - The separator of a sentence is a tab when its first token line has one, else a space;
///   every line of the sentence is split on it, keeping empty fields, so writing the
///   fields back joined by it gives the line again.
/// - Lines starting with `#` before a sentence's first token are metadata (`# key =
///   value`); `# global.columns = A B C` names the columns of the whole file. A `#` line
///   that looks like a token line of the file (same number of fields, a tag last) is one.
/// - A line whose first field is `-DOCSTART-` is a document boundary, a record of its own.
/// - The last sentence may lack its blank line; CR LF line ends are accepted and kept.
/// - Without column names the first column holds the tokens and the last one the gold
///   tags when all its values are tags; when the last two columns both hold tags, they
///   are the gold tags and a prediction (`pred`), conlleval's convention (except after a
///   syntactic chunk column, as in CoNLL-2003).
/// - Every token line of a sentence must have the same number of fields, and the input
///   must be UTF-8; otherwise ``DataError`` with the line number.
///
/// Memory: one sentence at a time.
public final class CoNLLReader: RecordReader {
  private let lines: LineReader
  private var queue: [Record] = []
  private var queueHead = 0
  private var pending: Record?
  private var building: Builder?
  private var leadingBlankLines = 0
  private var lastTerminated = true
  private var finished = false
  /// An error met after a whole record, thrown once that record has been returned.
  private var failure: Error?
  /// Names from `# global.columns`, once seen.
  public private(set) var columnNames: [String]?
  private var lastColumnCount = 0
  /// Whether a sentence has shown a syntactic chunk column before the tags.
  private var hasChunkColumn = false

  public init(lines: LineReader) { self.lines = lines }

  public func next() throws -> Record? {
    while queueHead >= queue.count {
      queue.removeAll(keepingCapacity: true)
      queueHead = 0
      if let failure {
        self.failure = nil
        finished = true
        throw failure
      }
      if finished { return nil }
      do {
        try step()
      } catch {
        // The record before the bad line is whole: it comes first, then the error.
        flushPending()
        failure = error
      }
    }
    defer { queueHead += 1 }
    return queue[queueHead]
  }

  private struct Builder {
    var header: [HeaderLine] = []
    var rawHeader: [String] = []
    var fields: [[String]] = []
    var tokenLines: [Int] = []
    var separator: UInt8 = 0x09
    var crlf = false
    var firstLine = 0
    var firstRowLine = 0
  }

  /// Reads one line and updates the state.
  private func step() throws {
    guard let line = try lines.next() else {
      finish()
      return
    }
    var bytes = line.bytes
    var crlf = false
    if let last = bytes.last, last == 0x0D {
      crlf = true
      bytes = UnsafeBufferPointer(rebasing: bytes.dropLast())
    }
    lastTerminated = line.terminated
    if bytes.isEmpty {
      if building != nil {
        closeBuilding(blankLinesAfter: 1)
      } else if case .some = pending {
        bumpBlankLines()
      } else if leadingBlankLines == Layout.maxBlankLines {
        pending = .sentence(Self.blankLinesOnly(before: leadingBlankLines, after: 1))
        leadingBlankLines = 0
      } else {
        leadingBlankLines += 1
      }
      return
    }
    guard UTF8Text.isValid(bytes) else {
      throw DataError(line: line.number, "invalid UTF-8")
    }
    if isDocStart(bytes) {
      let text = String(decoding: bytes, as: UTF8.self)
      var headerBefore: [HeaderLine] = []
      if let b = building {
        if b.fields.isEmpty {
          headerBefore = Self.checkedHeader(b.header, raw: b.rawHeader, columnKeys: [])
          building = nil
        } else {
          closeBuilding(blankLinesAfter: 0)
        }
      }
      flushPending()
      let sep: UInt8 = bytes.contains(0x20) && !bytes.contains(0x09) ? 0x20 : 0x09
      var doc = DocumentStart(fields: split(text, sep))
      doc.layout.separator = sep
      doc.layout.crlf = crlf
      doc.layout.blankLinesAfter = 0
      doc.line = line.number
      doc.header = headerBefore
      takeLeadingBlankLines(&doc.layout)
      pending = .documentStart(doc)
      return
    }
    if building == nil {
      flushPending()
      var b = Builder()
      b.crlf = crlf
      b.firstLine = line.number
      building = b
    }
    if building!.fields.isEmpty && bytes.first == UInt8(ascii: "#"), case let text = String(decoding: bytes, as: UTF8.self),
      !looksLikeTokenLine(text)
    {
      building!.rawHeader.append(text)
      building!.header.append(Self.parseHeader(text))
      return
    }
    if Self.looksLikeJSON(bytes) {
      throw DataError(
        line: line.number,
        "a JSON object or array where CoNLL has a token line; read JSONL with --from jsonl (a JSON array: one object a line, jq -c '.[]')")
    }
    if building!.fields.isEmpty {
      building!.separator = bytes.contains(0x09) ? 0x09 : 0x20
      building!.firstRowLine = line.number
    }
    let fields = Self.split(bytes, building!.separator)
    if let width = building!.fields.first?.count, fields.count != width {
      throw DataError(
        line: line.number,
        "\(fields.count) field\(fields.count == 1 ? "" : "s") where line \(building!.firstRowLine) has \(width)")
    }
    building!.fields.append(fields)
    building!.tokenLines.append(line.number)
  }

  /// Whether a line is a JSON object or array (`{"...}`, `[{...}]`, `["..."]`; a comma
  /// after it allowed), which no CoNLL token line is: `[` or `{` alone are tokens.
  static func looksLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    var i = 0
    var j = bytes.count
    while i < j && blank(bytes[i]) { i += 1 }
    while j > i && (blank(bytes[j - 1]) || bytes[j - 1] == UInt8(ascii: ",")) { j -= 1 }
    guard j - i >= 2 else { return false }
    let (first, second, last) = (bytes[i], bytes[i + 1], bytes[j - 1])
    let quote = UInt8(ascii: "\""), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
    let openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")
    guard last == close || last == closeArray else { return false }
    if first == open { return second == quote || second == close }
    return first == openArray && [quote, open, openArray, closeArray].contains(second)
  }

  private static let docStartMarker = Array("-DOCSTART-".utf8)

  private func isDocStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let marker = Self.docStartMarker
    guard bytes.count >= marker.count else { return false }
    for i in 0..<marker.count where bytes[i] != marker[i] { return false }
    return bytes.count == marker.count || bytes[marker.count] == 0x20 || bytes[marker.count] == 0x09
  }

  private func looksLikeTokenLine(_ text: String) -> Bool { Self.looksLikeTokenLine(text, columns: lastColumnCount) }

  /// Whether a `#` line before a sentence's first token is a token line, in a file whose
  /// last sentence had `columns` fields a line: it has as many, a tag last, and is no
  /// `# key = value` line.
  static func looksLikeTokenLine(_ text: String, columns: Int) -> Bool {
    guard columns >= 2 else { return false }
    let sep: UInt8 = text.utf8.contains(0x09) ? 0x09 : 0x20
    let fields = text.utf8.split(separator: sep, omittingEmptySubsequences: false)
    guard fields.count == columns, let last = fields.last, Tag.isTag(String(Substring(last))) else { return false }
    if case .pair = Self.parseHeader(text) { return false }
    return true
  }

  /// Parses `# key = value` (key of letters, digits, `_ . : -`); anything else is a comment.
  static func parseHeader(_ text: String) -> HeaderLine {
    let u = Array(text.utf8)
    guard u.count >= 2, u[0] == UInt8(ascii: "#"), u[1] == 0x20 else { return .comment(text) }
    var i = 2
    while i < u.count {
      let c = u[i]
      let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: "-")
      if !ok { break }
      i += 1
    }
    guard i > 2, i + 2 < u.count + 1, u.count >= i + 3,
      u[i] == 0x20, u[i + 1] == UInt8(ascii: "="), u[i + 2] == 0x20
    else { return .comment(text) }
    let key = String(decoding: u[2..<i], as: UTF8.self)
    let value = String(decoding: u[(i + 3)...], as: UTF8.self)
    return .pair(key: key, value: value)
  }

  /// The fields of a line of valid UTF-8, split on every `sep` (empty fields kept).
  static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ sep: UInt8) -> [String] {
    var fields: [String] = []
    var start = 0
    for i in 0..<bytes.count where bytes[i] == sep {
      fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
      start = i + 1
    }
    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
    return fields
  }

  private func split(_ text: String, _ sep: UInt8) -> [String] {
    text.utf8.split(separator: sep, omittingEmptySubsequences: false).map { String(Substring($0)) }
  }

  private func takeLeadingBlankLines(_ layout: inout Layout) {
    layout.blankLinesBefore = leadingBlankLines
    leadingBlankLines = 0
  }

  /// Counts a blank line after the pending record; past ``Layout/maxBlankLines``, the
  /// line starts an empty record of blank lines instead.
  private func bumpBlankLines() {
    switch pending {
    case .sentence(let s)? where s.layout.blankLinesAfter >= Layout.maxBlankLines:
      startBlankLinesRecord()
    case .documentStart(let d)? where d.layout.blankLinesAfter >= Layout.maxBlankLines:
      startBlankLinesRecord()
    case .sentence(var s)?:
      s.layout.blankLinesAfter += 1
      pending = .sentence(s)
    case .documentStart(var d)?:
      d.layout.blankLinesAfter += 1
      pending = .documentStart(d)
    case nil: break
    }
  }

  private func startBlankLinesRecord() {
    flushPending()
    pending = .sentence(Self.blankLinesOnly(before: 0, after: 1))
  }

  /// An empty record that stands for blank lines only.
  private static func blankLinesOnly(before: Int, after: Int) -> Sentence {
    var s = Sentence()
    s.layout.blankLinesBefore = before
    s.layout.blankLinesAfter = after
    return s
  }

  private func flushPending() {
    if let p = pending { queue.append(p) }
    pending = nil
  }

  private func closeBuilding(blankLinesAfter: Int) {
    guard let b = building else { return }
    building = nil
    flushPending()
    var s = Sentence()
    // One column has no separator to keep: a column added to it goes after a tab.
    s.layout.separator = b.fields.first.map { $0.count > 1 } ?? true ? b.separator : 0x09
    s.layout.crlf = b.crlf
    s.layout.blankLinesAfter = blankLinesAfter
    takeLeadingBlankLines(&s.layout)
    s.line = b.firstLine
    s.tokenLines = b.tokenLines
    for case let .pair(key, value) in b.header where key == "global.columns" {
      columnNames = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
    let width = b.fields.first?.count ?? 0
    if width > 0 { lastColumnCount = width }
    var columns = (0..<width).map { _ in Column(key: "", values: []) }
    for j in 0..<width { columns[j].values.reserveCapacity(b.fields.count) }
    for row in b.fields {
      for j in 0..<width { columns[j].values.append(row[j]) }
    }
    assignRoles(&s, &columns)
    s.columns = columns
    s.header = Self.checkedHeader(b.header, raw: b.rawHeader, columnKeys: columns.map(\.key))
    pending = .sentence(s)
  }

  /// Keeps `# key = value` lines as pairs only when their keys are unique and free;
  /// otherwise every header line stays a verbatim comment (so JSONL keeps their order).
  static func checkedHeader(_ header: [HeaderLine], raw: [String], columnKeys: [String]) -> [HeaderLine] {
    var seen = Set<String>()
    for line in header {
      guard case .pair(let key, _) = line else { return raw.map { .comment($0) } }
      if ReservedKeys.all.contains(key) || columnKeys.contains(key) || !seen.insert(key).inserted {
        return raw.map { .comment($0) }
      }
    }
    return header
  }

  private func assignRoles(_ s: inout Sentence, _ columns: inout [Column]) {
    let width = columns.count
    guard width > 0 else { return }
    var tokenIndex = 0
    var tagIndex: Int?
    if let names = columnNames, names.count == width {
      let upper = names.map { $0.uppercased() }
      tokenIndex = upper.firstIndex { ["FORM", "TOKEN", "WORD"].contains($0) } ?? 0
      tagIndex = upper.firstIndex { ["NER", "TAG", "NE", "LABEL"].contains($0) }
      var used = Set<String>()
      for j in 0..<width {
        let key = names[j].lowercased()
        let taken = (ReservedKeys.all.contains(key) && key != "pred") || ["id", "lang", "text", "offsets"].contains(key) || key.hasPrefix("col")
        columns[j].key = taken || !used.insert(key).inserted ? "col\(j)" : key
      }
    } else {
      for j in 0..<width { columns[j].key = "col\(j)" }
      if width >= 3, tokenIndex < width - 2, isGoldAndPrediction(columns[width - 2].values, columns[width - 1].values) {
        tagIndex = width - 2
        columns[width - 1].key = "pred"
      }
    }
    if tagIndex == nil, width >= 2, tokenIndex != width - 1, columns[width - 1].values.allSatisfy(Tag.isTag) {
      tagIndex = width - 1
    }
    columns[tokenIndex].key = "tokens"
    if let t = tagIndex { columns[t].key = "tags" }
    s.tokenColumn = tokenIndex
    s.tagColumn = tagIndex
  }

  /// Whether the last two columns of an unnamed file are the gold tags and a prediction,
  /// by conlleval's convention: both hold tags. Not when the first is a syntactic chunk
  /// column (CoNLL-2000's phrase types, as in CoNLL-2003's `EU NNP B-NP B-ORG`): once a
  /// sentence shows one, the file's last column is its gold.
  private func isGoldAndPrediction(_ gold: [String], _ prediction: [String]) -> Bool {
    guard !hasChunkColumn, gold.allSatisfy(Tag.isTag), prediction.allSatisfy(Tag.isTag) else { return false }
    let goldTypes = Set(gold.compactMap { Tag(parsing: $0)?.type }.filter { !$0.isEmpty })
    if !goldTypes.isEmpty && goldTypes.isSubset(of: Self.chunkTypes) {
      let predictionTypes = Set(prediction.compactMap { Tag(parsing: $0)?.type })
      if predictionTypes.isDisjoint(with: Self.chunkTypes) {
        hasChunkColumn = true
        return false
      }
    }
    return true
  }

  /// The phrase types of CoNLL-2000 chunking (CoNLL-2003's third column).
  private static let chunkTypes: Set<String> = ["NP", "VP", "PP", "ADVP", "ADJP", "SBAR", "PRT", "CONJP", "INTJ", "LST", "UCP"]

  private func finish() {
    finished = true
    if building != nil {
      closeBuilding(blankLinesAfter: 0)
      setFinalNewline(lastTerminated)
    } else if pending != nil {
      setFinalNewline(lastTerminated)
    } else if leadingBlankLines > 0 {
      // A file of blank lines only: keep them as an empty record.
      pending = .sentence(Self.blankLinesOnly(before: leadingBlankLines, after: 0))
    }
    flushPending()
  }

  private func setFinalNewline(_ value: Bool) {
    switch pending {
    case .sentence(var s)?:
      s.layout.finalNewline = value
      pending = .sentence(s)
    case .documentStart(var d)?:
      d.layout.finalNewline = value
      pending = .documentStart(d)
    case nil: break
    }
  }
}
