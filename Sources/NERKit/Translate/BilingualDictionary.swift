/// A word-to-word bilingual dictionary in the MUSE format, for word-by-word translation.
///
/// A MUSE dictionary file (facebookresearch/MUSE, `dictionaries/en-de.txt`) holds one
/// `source target` pair a line. The rules here:
///
/// - Fields are separated by one space or by tabs. A line with a tab is split at tabs
///   only: it must have exactly two fields, and the target field may contain spaces, a
///   multi-word translation (`potato\tpomme de terre`). A line without a tab is split at
///   single spaces: the first field is the source and every further field a word of the
///   target, so `potato pomme de terre` means the same. (A MUSE file has two fields a
///   line; a phrase on the source side cannot be written, as tokens are looked up one
///   by one.)
/// - The source is one word (no space). No field may be empty, so two spaces in a row,
///   or a space at the start or end of a space-separated line, are errors.
/// - A line with fewer than two fields is an error (``DataError`` with its line number:
///   `expected 'source target' ...`). Empty lines, and lines of only spaces and tabs,
///   are skipped. A `\r` before the `\n` is dropped.
/// - Several lines with one source give several translations, in file order; a repeated
///   pair is dropped.
///
/// Lookups (``lookup(_:)``) try the token as it is, then its lowercase form
/// (`String.lowercased()`, Unicode-aware: `ÉCOLE` finds `école`). Keys are stored as the
/// file has them (MUSE files are lowercase).
public struct BilingualDictionary: Sendable, Equatable {
  /// How a token was found.
  public enum Match: Sendable, Equatable {
    /// The token itself is an entry.
    case exact
    /// Only the token's lowercase form is an entry.
    case lowercase
  }

  /// The translations found for a token and how it was found.
  public struct Lookup: Sendable, Equatable {
    /// The translations in file order, each one word or more.
    public var translations: [[String]]
    /// Whether the token or only its lowercase form is an entry.
    public var match: Match

    public init(translations: [[String]], match: Match) {
      self.translations = translations
      self.match = match
    }
  }

  private var entries: [String: [[String]]] = [:]
  /// The number of source-target pairs (duplicates dropped).
  public private(set) var pairCount = 0

  /// An empty dictionary.
  public init() {}

  /// Parses the text of a dictionary file (rules in the type's description).
  public init(parsing text: String) throws {
    var number = 0
    for line in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      try addLine(line, number: number)
    }
  }

  /// Reads a dictionary file line by line (rules in the type's description).
  public init(reader: LineReader) throws {
    while let line = try reader.next() {
      try addLine(ArraySlice(line.bytes), number: line.number)
    }
  }

  /// The number of source words.
  public var count: Int { entries.count }

  /// Adds a translation of `source` (one word) as `target` (one word or more), after
  /// those already there; nothing happens when the pair is there already or `target` is
  /// empty.
  public mutating func add(source: String, target: [String]) {
    guard !target.isEmpty else { return }
    if let existing = entries[source] {
      if existing.contains(target) { return }
      entries[source]!.append(target)
    } else {
      entries[source] = [target]
    }
    pairCount += 1
  }

  /// Every entry, sources in code-point order, each with its translations in file
  /// order: a fixed order for writing the dictionary out (a model file).
  public var sortedEntries: [(source: String, translations: [[String]])] {
    entries.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { ($0, entries[$0]!) }
  }

  /// The translations of `word` exactly as written, in file order (empty if none).
  public func translations(of word: String) -> [[String]] { entries[word] ?? [] }

  /// The translations of a token: of the token itself, else of its lowercase form; nil
  /// when neither is an entry.
  public func lookup(_ token: String) -> Lookup? {
    if let t = entries[token] { return Lookup(translations: t, match: .exact) }
    let lower = token.lowercased()
    if lower != token, let t = entries[lower] { return Lookup(translations: t, match: .lowercase) }
    return nil
  }

  /// Adds the pair on one line (its bytes without the `\n`). Fields are split on bytes,
  /// so a combining mark after a space or tab does not hide the separator.
  private mutating func addLine(_ raw: ArraySlice<UInt8>, number: Int) throws {
    let space: UInt8 = 0x20
    let tab: UInt8 = 0x09
    var line = raw
    if line.last == 0x0D { line = line.dropLast() }
    if line.allSatisfy({ $0 == space || $0 == tab }) { return }
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    func malformed(_ why: String) -> DataError {
      let whole = text(line)
      let shown = whole.count > 60 ? whole.prefix(57) + "..." : Substring(whole)
      return DataError(line: number, "expected 'source target' (\(why)), got '\(shown)'")
    }
    if line.contains(tab) {
      let fields = line.split(separator: tab, omittingEmptySubsequences: false)
      guard fields.count == 2 else { throw malformed("two fields separated by a tab") }
      let source = fields[0]
      let target = fields[1].split(separator: space)
      guard !source.isEmpty, !target.isEmpty else { throw malformed("no field may be empty") }
      guard !source.contains(space) else { throw malformed("the source must be one word") }
      add(source: text(source), target: target.map(text))
    } else {
      let fields = line.split(separator: space, omittingEmptySubsequences: false)
      guard fields.count >= 2 else { throw malformed("two words separated by a space or a tab") }
      guard !fields.contains(where: \.isEmpty) else { throw malformed("one space between fields, no field empty") }
      add(source: text(fields[0]), target: fields.dropFirst().map(text))
    }
  }
}
