#if canImport(Glibc)
import Glibc
#endif

/// Which attention relates a sentence's words to the words of its word-by-word
/// translation.
public enum AttentionKind: String, Sendable, CaseIterable {
  /// Each word attends to the words it was translated into, equally.
  case alignment
  /// Soft attention from bilingual word vectors, the alignment as a positional prior.
  case embedding
}

/// The attention between a sentence (m words) and its word-by-word translation (n words):
/// the counterpart, built without a parallel corpus, of the NMT attention matrix A (m × n)
/// of the Converse Attention Network, whose rows weigh the translation's words for each
/// source word. Every row sums to one.
///
/// - ``AttentionKind/alignment`` (the counterpart of the paper's first-layer matrix): word
///   i attends to the words its own translation gave, each by 1 / their count.
/// - ``AttentionKind/embedding`` (the counterpart of the last layer): a_ij =
///   softmax_j(cos(E(s_i), E(t_j)) / τ − d_ij) over the translation words j within
///   ``window`` positions of word i's translation, d_ij being j's distance from it (0
///   inside it): the translation's alignment is the prior, the bilingual vectors (source
///   vectors mapped into the target space) move the weight. A word without a vector
///   (looked up as written, then lowercased) has cosine 0 with every word, so it keeps
///   the prior alone.
///
/// Rows are sparse (only the words within reach), so the work and the size of the rows
/// grow linearly with the sentence, whatever its length.
public struct TranslationAttention: Sendable, Equatable {
  public var kind: AttentionKind
  /// τ of ``AttentionKind/embedding``: lower values follow the vectors more.
  public var temperature: Double
  /// How far from its translation a word's attention reaches (``AttentionKind/embedding``).
  public var window: Int
  /// Source-language vectors mapped into the target space, and target-language vectors
  /// (both needed by ``AttentionKind/embedding``).
  public var source: WordEmbeddings?
  public var target: WordEmbeddings?

  public init(kind: AttentionKind, temperature: Double = 0.1, window: Int = 5, source: WordEmbeddings? = nil,
              target: WordEmbeddings? = nil) {
    self.kind = kind
    self.temperature = temperature
    self.window = window
    self.source = source
    self.target = target
  }

  /// One row a source word: (translation word index, weight) pairs in index order, the
  /// weights positive and summing to one. `translations[i]` holds the words word i was
  /// translated into (at least one, as ``CorpusTranslator`` gives them).
  public func rows(_ tokens: [String], _ translations: [[String]]) -> [[(index: Int, weight: Float)]] {
    var starts: [Int] = []
    var at = 0
    for w in translations {
      starts.append(at)
      at += w.count
    }
    let n = at
    switch kind {
    case .alignment:
      return translations.indices.map { i in
        let c = translations[i].count
        return (0..<c).map { (starts[i] + $0, Float(1) / Float(c)) }
      }
    case .embedding:
      let english = translations.flatMap { $0 }
      let targetUnits = english.map { word in target.flatMap { Self.unit($0, word) } }
      let tau = temperature > 0 ? temperature : 1
      return translations.indices.map { i in
        let first = starts[i], last = starts[i] + max(translations[i].count, 1) - 1
        let lo = max(0, first - window), hi = min(n - 1, last + window)
        guard lo <= hi else { return [] }
        let s = i < tokens.count ? source.flatMap { Self.unit($0, tokens[i]) } : nil
        var logits: [Double] = []
        logits.reserveCapacity(hi - lo + 1)
        for j in lo...hi {
          let d = j < first ? first - j : (j > last ? j - last : 0)
          var cosine = 0.0
          if let s, let t = targetUnits[j] {
            for k in 0..<min(s.count, t.count) { cosine += s[k] * t[k] }
          }
          logits.append(cosine / tau - Double(d))
        }
        let top = logits.max()!
        var total = 0.0
        for k in logits.indices {
          logits[k] = exp(logits[k] - top)
          total += logits[k]
        }
        return logits.indices.map { (lo + $0, Float(logits[$0] / total)) }
      }
    }
  }

  /// The unit-length vector of `word` (as written, else lowercased), or nil.
  static func unit(_ vectors: WordEmbeddings, _ word: String) -> [Double]? {
    guard let v = vectors.vector(for: word) ?? vectors.vector(for: word.lowercased()) else { return nil }
    let norm = v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    guard norm > 0 else { return nil }
    return v.map { Double($0) / norm }
  }

  /// Rows as JSON, `[[[j, weight], ...], ...]` (weights to 4 decimals), as
  /// `ner-translate --attention` writes them.
  public static func json(_ rows: [[(index: Int, weight: Float)]]) -> String {
    JSONText.array(raw: rows.map { row in
      JSONText.array(raw: row.map { "[\($0.index),\(CFormat.format("%.4f", Double($0.weight)))]" })
    })
  }

  /// The sentence with its word-by-word translation's words (`translation`) and the
  /// attention rows of its words (`attention`) added as JSON fields (replacing fields of
  /// those names); the tokens and everything else unchanged.
  public func annotate(_ sentence: Sentence, with translator: CorpusTranslator, statistics: inout TranslationStatistics) -> Sentence {
    var out = sentence
    let (english, rows) = translate(sentence.tokens, gold: sentence.tags, with: translator, statistics: &statistics)
    statistics.sentences += 1
    statistics.outputTokens += english.count
    out.header.removeAll {
      if case .json(let k, _) = $0 { return k == "translation" || k == "attention" }
      if case .pair(let k, _) = $0 { return k == "translation" || k == "attention" }
      return false
    }
    out.header.append(.json(key: "translation", raw: JSONText.array(english)))
    out.header.append(.json(key: "attention", raw: Self.json(rows)))
    return out
  }

  /// A sentence's word-by-word translation by `translator` (its words in order) and the
  /// attention rows of its words over them.
  public func translate(_ tokens: [String], gold: [String]? = nil, with translator: CorpusTranslator,
                        statistics: inout TranslationStatistics) -> (english: [String], rows: [[(index: Int, weight: Float)]]) {
    let words = translator.translations(of: tokens, gold: gold, statistics: &statistics)
    return (words.flatMap { $0 }, rows(tokens, words))
  }
}
