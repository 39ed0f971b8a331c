/// Reads JSONL: one sentence per line, `{"tokens": [...], "tags": [...], ...}`.
///
/// - `tokens` is required (except on a `{"docstart": "..."}` record); `tags` or its
///   Hugging Face synonym `ner_tags` holds gold tags, `pred` predicted ones.
/// - Any other array of strings as long as `tokens` is a column (`roman`, `pos`...);
///   other string fields are metadata (`id`, `lang`, `text`); everything else is kept as
///   its JSON text. `comments` holds verbatim CoNLL comment lines and `conll` the CoNLL
///   layout (separator, line ends, blank lines), both written by ``JSONLWriter``.
/// - Blank lines are skipped. A line that is not a JSON object, or whose arrays do not
///   match `tokens` in length, is a ``DataError``.
public final class JSONLReader: RecordReader {
  private let lines: LineReader
  /// Set once a record names the columns (`global.columns`, as written from CoNLL-U
  /// Plus): from then on columns keep their JSON order instead of tags going last.
  private var namedColumns = false
  /// The names of integer tags (Hugging Face datasets' `ner_tags`: 0 is the first name);
  /// nil: integer tags are an error.
  private let labelNames: [String]?

  public init(lines: LineReader, labelNames: [String]? = nil) {
    self.lines = lines
    self.labelNames = labelNames
  }

  public func next() throws -> Record? {
    while let line = try lines.next() {
      var blank = true
      for b in line.bytes where !(b == 0x20 || b == 0x09 || b == 0x0D) { blank = false; break }
      if blank { continue }
      do {
        let record = try Self.parse(line.bytes, lineNumber: line.number, keepColumnOrder: namedColumns, labelNames: labelNames)
        if !namedColumns, case .sentence(let s) = record, s.metadata("global.columns") != nil {
          namedColumns = true
          return try Self.parse(line.bytes, lineNumber: line.number, keepColumnOrder: true, labelNames: labelNames)
        }
        return record
      } catch let f as JSONScanner.Failure {
        throw DataError(line: line.number, "invalid JSON: \(f)")
      }
    }
    return nil
  }

  enum Value {
    case strings([String])
    case string(String)
    case raw(String)
  }

  /// Parses one JSONL record. Columns go in CoNLL order: `tokens` first, the other
  /// columns in JSON order, then `tags`, then `pred`; with `keepColumnOrder`, all in
  /// JSON order.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int, keepColumnOrder: Bool = false, labelNames: [String]? = nil) throws -> Record {
    let object = try readObject(bytes, lineNumber: lineNumber, labelNames: labelNames)
    if let text = object.docstart {
      return .documentStart(documentStart(text, object, lineNumber: lineNumber))
    }
    return .sentence(try sentence(object, lineNumber: lineNumber, keepColumnOrder: keepColumnOrder))
  }

  /// A record's fields as read: the values in JSON order, the CoNLL layout, the
  /// `-DOCSTART-` line.
  struct Object {
    var fields: [(String, Value)] = []
    var layout = Layout()
    var layoutSeen = false
    var docstart: String?
  }

  /// Reads the JSON object of one line.
  static func readObject(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int, labelNames: [String]? = nil) throws -> Object {
    var scanner = JSONScanner(bytes)
    var object = Object()
    var seen = Set<String>()
    try scanner.readObject { s, key in
      guard seen.insert(key).inserted else {
        throw DataError(line: lineNumber, "duplicate key '\(key)'")
      }
      switch key {
      case "conll":
        object.layoutSeen = true
        try readLayout(&s, into: &object.layout, lineNumber: lineNumber)
      case "docstart":
        object.docstart = try s.readString()
      case "tags", "ner_tags", "pred", "tokens", "comments":
        if let v = try s.readStringArray() {
          object.fields.append((key, .strings(v)))
        } else if s.peek() == UInt8(ascii: "["), key != "tokens", key != "comments", let names = labelNames {
          object.fields.append((key, .strings(try tagNames(&s, key: key, names, lineNumber: lineNumber))))
        } else if s.peek() == UInt8(ascii: "["), key != "tokens", key != "comments" {
          throw DataError(line: lineNumber, "'\(key)' holds numbers, not tag strings (name them with ner-convert --label-names O,B-PER,...)")
        } else {
          throw DataError(line: lineNumber, "'\(key)' must be an array of strings")
        }
      default:
        if s.peek() == UInt8(ascii: "\"") {
          object.fields.append((key, .string(try s.readString())))
        } else if let v = try s.readStringArray() {
          object.fields.append((key, .strings(v)))
        } else {
          object.fields.append((key, .raw(try s.skipValue())))
        }
      }
    }
    scanner.skipWhitespace()
    guard scanner.atEnd else { throw DataError(line: lineNumber, "invalid JSON: text after the object") }
    return object
  }

  /// Reads an array of tag numbers as the tags `names` gives them.
  static func tagNames(_ s: inout JSONScanner, key: String, _ names: [String], lineNumber: Int) throws -> [String] {
    var tags: [String] = []
    try s.readArray { s in
      guard let n = try s.readInt() else { throw DataError(line: lineNumber, "'\(key)' must be an array of tag strings or of tag numbers") }
      guard n >= 0, n < names.count else {
        throw DataError(line: lineNumber, "'\(key)' holds \(n), which has no name: the label names number 0 to \(names.count - 1)")
      }
      tags.append(names[n])
    }
    return tags
  }

  /// Reads the `conll` object: the CoNLL layout the record came from.
  static func readLayout(_ s: inout JSONScanner, into layout: inout Layout, lineNumber: Int) throws {
    try s.readObject { s, k in
      switch k {
      case "sep":
        let v = try s.readString()
        guard v == " " || v == "\t" else { throw DataError(line: lineNumber, "conll.sep must be a space or a tab") }
        layout.separator = v.utf8.first!
      case "crlf":
        let v = try s.skipValue()
        layout.crlf = v == "true"
      case "before", "after":
        guard let n = try s.readInt(), n >= 0, n <= Layout.maxBlankLines else {
          throw DataError(line: lineNumber, "conll.\(k) must be a whole number from 0 to \(Layout.maxBlankLines)")
        }
        if k == "before" { layout.blankLinesBefore = n } else { layout.blankLinesAfter = n }
      case "final_newline":
        layout.finalNewline = try s.skipValue() != "false"
      default:
        try s.skipValue()
      }
    }
  }

  /// A field that is not a column, as a header line.
  static func header(_ key: String, _ value: Value) -> [HeaderLine] {
    switch value {
    case .string(let v): return [.pair(key: key, value: v)]
    case .raw(let v): return [.json(key: key, raw: v)]
    case .strings(let v): return key == "comments" ? v.map { .comment($0) } : [.json(key: key, raw: JSONText.array(v))]
    }
  }

  /// A `{"docstart": ...}` record.
  static func documentStart(_ text: String, _ object: Object, lineNumber: Int) -> DocumentStart {
    var layout = object.layout
    let sep: UInt8 = object.layoutSeen ? layout.separator : (text.utf8.contains(0x09) ? 0x09 : 0x20)
    var d = DocumentStart(fields: text.utf8.split(separator: sep, omittingEmptySubsequences: false).map { String(Substring($0)) })
    layout.separator = sep
    d.layout = layout
    d.header = object.fields.flatMap { header($0.0, $0.1) }
    d.line = lineNumber
    return d
  }

  /// A sentence record: its columns, in CoNLL order or (`keepColumnOrder`) JSON order.
  static func sentence(_ object: Object, lineNumber: Int, keepColumnOrder: Bool) throws -> Sentence {
    guard let tokensEntry = object.fields.first(where: { $0.0 == "tokens" }), case .strings(let tokens) = tokensEntry.1 else {
      throw DataError(line: lineNumber, "missing 'tokens'")
    }
    var s = Sentence()
    s.line = lineNumber
    s.layout = object.layout
    s.jsonKeyOrder = object.fields.map(\.0) + (object.layoutSeen ? ["conll"] : [])
    var middle: [Column] = []
    var tagColumn: Column?
    var predColumn: Column?
    var inOrder: [Column] = []
    for (key, value) in object.fields {
      switch (key, value) {
      case ("tokens", _):
        inOrder.append(Column(key: "tokens", values: tokens))
      case ("tags", .strings(let v)), ("ner_tags", .strings(let v)):
        guard tagColumn == nil else { throw DataError(line: lineNumber, "both 'tags' and 'ner_tags'") }
        guard v.count == tokens.count else {
          throw DataError(line: lineNumber, "'\(key)' has \(v.count) values for \(tokens.count) tokens")
        }
        tagColumn = Column(key: key, values: v)
        inOrder.append(tagColumn!)
      case ("pred", .strings(let v)):
        guard v.count == tokens.count else {
          throw DataError(line: lineNumber, "'pred' has \(v.count) values for \(tokens.count) tokens")
        }
        predColumn = Column(key: key, values: v)
        inOrder.append(predColumn!)
      case (_, .strings(let v)) where key != "comments" && v.count == tokens.count && !tokens.isEmpty:
        middle.append(Column(key: key, values: v))
        inOrder.append(middle.last!)
      default:
        s.header += header(key, value)
      }
    }
    if keepColumnOrder {
      s.columns = inOrder
      s.tokenColumn = inOrder.firstIndex { $0.key == "tokens" }!
      s.tagColumn = inOrder.firstIndex { $0.key == "tags" || $0.key == "ner_tags" }
    } else {
      s.columns = [Column(key: "tokens", values: tokens)] + middle
      if let t = tagColumn {
        s.tagColumn = s.columns.count
        s.columns.append(t)
      }
      if let p = predColumn { s.columns.append(p) }
    }
    return s
  }
}
