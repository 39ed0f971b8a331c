/// One column of a sentence: a value per token, and the key it has in JSONL.
public struct Column: Equatable, Sendable {
  /// The JSONL key: `tokens`, `tags`, `pred`, `roman`, or `colN` for an unnamed CoNLL
  /// column at position N.
  public var key: String
  public var values: [String]

  public init(key: String, values: [String]) {
    self.key = key
    self.values = values
  }
}

/// A line of metadata before a sentence.
public enum HeaderLine: Equatable, Sendable {
  /// `# key = value` in CoNLL, a string field in JSONL.
  case pair(key: String, value: String)
  /// A JSONL field that is not a string nor a column, kept as its JSON text; in CoNLL
  /// `# key = JSON`.
  case json(key: String, raw: String)
  /// Any other comment line, verbatim (in JSONL, an entry of `comments`).
  case comment(String)
}

/// How a record was laid out in CoNLL, so that converting to JSONL and back gives the
/// same bytes. The default (tabs, LF, one blank line after) is not written to JSONL.
public struct Layout: Equatable, Sendable {
  /// The field separator: a tab or a space.
  public var separator: UInt8 = 0x09
  /// Lines end with CR LF.
  public var crlf = false
  /// Blank lines before the record (only the first record of a file has any).
  public var blankLinesBefore = 0
  /// Blank lines after the record: 1 normally, 0 for a last sentence without one.
  public var blankLinesAfter = 1
  /// False when the input's last line had no newline.
  public var finalNewline = true

  public init() {}
  public static let standard = Layout()

  /// The most blank lines a layout records before or after one record. ``CoNLLReader``
  /// gives a longer run of blank lines to empty records of its own (each with at most
  /// this many), so that every layout it makes stays within the bound; ``JSONLReader``
  /// refuses a `conll` object that asks for more.
  public static let maxBlankLines = 1000
}

/// A sentence: its columns (one value per token) and the metadata before it.
///
/// Columns are kept in CoNLL order. The token column is usually first; the gold tag
/// column, when there is one, is usually last but for a prediction column after it.
public struct Sentence: Equatable, Sendable {
  public var header: [HeaderLine] = []
  public var columns: [Column] = []
  public var tokenColumn = 0
  /// The gold tag column, if the sentence has one.
  public var tagColumn: Int?
  public var layout = Layout()
  /// The input line the sentence starts on (1-based; 0 when unknown).
  public var line = 0
  /// The line of each token, for diagnostics (empty when unknown).
  public var tokenLines: [Int] = []
  /// For a sentence read from JSONL, the order of its keys, kept on output.
  public var jsonKeyOrder: [String]?

  public init() {}

  /// The number of tokens.
  public var count: Int { columns.isEmpty ? 0 : columns[tokenColumn].values.count }

  /// The tokens.
  public var tokens: [String] {
    get { columns.isEmpty ? [] : columns[tokenColumn].values }
    set { columns[tokenColumn].values = newValue }
  }

  /// The gold tags, if any.
  public var tags: [String]? {
    guard let t = tagColumn else { return nil }
    return columns[t].values
  }

  /// The index of the column with this key.
  public func columnIndex(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

  /// The value of a `# key = value` metadata line or JSONL string field.
  public func metadata(_ key: String) -> String? {
    for case let .pair(k, v) in header where k == key { return v }
    return nil
  }

  /// Sets a metadata value, replacing an existing one or appending.
  public mutating func setMetadata(_ key: String, _ value: String) {
    if let i = header.firstIndex(where: { if case .pair(key, _) = $0 { return true } else { return false } }) {
      header[i] = .pair(key: key, value: value)
    } else {
      header.append(.pair(key: key, value: value))
    }
  }

  /// The line of token `i` for messages, or the sentence's line.
  public func lineOfToken(_ i: Int) -> Int { i < tokenLines.count ? tokenLines[i] : line }
}

/// A `-DOCSTART-` line: a document boundary, passed through unchanged.
public struct DocumentStart: Equatable, Sendable {
  public var fields: [String]
  public var header: [HeaderLine] = []
  public var layout = Layout()
  public var line = 0

  public init(fields: [String]) { self.fields = fields }

  /// The line as it stands in CoNLL.
  public var text: String { fields.joined(separator: String(UnicodeScalar(layout.separator))) }
}

/// What the readers return: sentences and document boundaries, in input order.
public enum Record: Equatable, Sendable {
  case sentence(Sentence)
  case documentStart(DocumentStart)
}

/// Keys with a fixed meaning in JSONL, never used for metadata or extra columns.
public enum ReservedKeys {
  public static let all: Set<String> = [
    "tokens", "tags", "ner_tags", "pred", "comments", "conll", "docstart",
  ]
}
