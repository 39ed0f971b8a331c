/// A bilingual dictionary as rows of two embedding vocabularies, as MUSE's
/// `load_dictionary` builds it for training and evaluation.
///
/// The text holds one `source target` pair a line, the two words separated by spaces or
/// tabs; empty lines are skipped and a `\r` before the `\n` is dropped; any other number
/// of fields is a ``DataError`` with its line number. A pair is kept only when both words
/// are in their vocabularies (exact match); the rest are counted. Kept pairs are ordered
/// by source row (frequency), then file order, and repeated pairs stay (as in MUSE).
public struct IndexDictionary: Sendable, Equatable {
  /// The pairs found in both vocabularies.
  public var pairs: [IndexPair]
  /// Pairs read (lines with two fields).
  public var pairsRead = 0
  /// Pairs whose source word is not in the source vocabulary.
  public var missingSource = 0
  /// Pairs whose target word is not in the target vocabulary.
  public var missingTarget = 0

  /// A dictionary of given pairs.
  public init(pairs: [IndexPair]) {
    self.pairs = pairs
    pairsRead = pairs.count
  }

  /// Parses dictionary text against two vocabularies (rules in the type's description).
  public init(parsing text: String, source: WordEmbeddings, target: WordEmbeddings) throws {
    var found: [IndexPair] = []
    var number = 0
    // Split as bytes: as Characters, "\r\n" is one grapheme and no "\n".
    for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      number += 1
      let line = String(decoding: bytes, as: UTF8.self)
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 2 else {
        throw DataError(line: number, "expected 'source target', two words, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
      }
      pairsRead += 1
      let s = source.index(of: String(fields[0])), t = target.index(of: String(fields[1]))
      if s == nil { missingSource += 1 }
      if t == nil { missingTarget += 1 }
      if let s, let t { found.append(IndexPair(source: s, target: t)) }
    }
    // A stable sort by source row, as MUSE's `sorted(pairs, key=word2id1)`.
    pairs = found.enumerated().sorted { ($0.element.source, $0.offset) < ($1.element.source, $1.offset) }.map(\.element)
  }

  /// Every word spelled the same in both vocabularies, by source row (MUSE's
  /// `identical_char` seed).
  public static func identicalStrings(source: WordEmbeddings, target: WordEmbeddings) -> IndexDictionary {
    var pairs: [IndexPair] = []
    for (i, word) in source.words.enumerated() {
      if let j = target.index(of: word) { pairs.append(IndexPair(source: i, target: j)) }
    }
    return IndexDictionary(pairs: pairs)
  }

  /// The number of distinct source rows.
  public var sourceCount: Int { Set(pairs.map(\.source)).count }
}
