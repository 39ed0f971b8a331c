/// Translates labelled sentences word by word with a bilingual dictionary, keeping
/// their labels: the labelled data of a low-resource target language made from a
/// source language's.
///
/// Each token of the token column becomes, in this order of preference:
///
/// 1. itself, when its gold tag's entity type is in ``TranslationOptions/copyTypes``
///    (names are often better copied than translated);
/// 2. a dictionary translation (``BilingualDictionary/lookup(_:)``: as written, then
///    lowercased): the first listed, or with a ``scorer`` the best by the
///    reverse-translation score in the sentence's context;
/// 3. the ``fallback``'s answer, for a token with at least one letter (numbers and
///    punctuation are never sent to it); an answer with spaces is several words, an
///    empty one or nil means no answer;
/// 4. itself.
///
/// Translations from the dictionary and the fallback take the source token's letter
/// case (``CasePattern``) unless ``TranslationOptions/caseRestoration`` is off.
///
/// A translation of several words becomes several tokens. The other columns keep their
/// values, repeated on every new token, except tag columns (the gold tag column and
/// ``TranslationOptions/tagColumns``), whose tags are expanded so the new tokens form
/// the same entity piece (``Tag/expanded(to:)``: `B-LOC` → `B-LOC I-LOC`, `S-LOC` →
/// `B-LOC E-LOC`); a value there that is not a tag is repeated. A column whose length
/// differs from the token column's is left alone. Token line numbers are repeated
/// along. Other metadata (`text` included, which still gives the source sentence) and
/// `-DOCSTART-` lines are the caller's to pass through.
public struct CorpusTranslator {
  public var dictionary: BilingualDictionary
  public var options: TranslationOptions
  /// Chooses among several translations; nil takes the first listed.
  public var scorer: ReverseTranslationScorer?
  /// Asked for tokens the dictionary lacks (e.g. a nearest neighbour in a shared
  /// embedding space); nil answers keep the token.
  public var fallback: ((String) -> String?)?

  public init(
    dictionary: BilingualDictionary, options: TranslationOptions = TranslationOptions(),
    scorer: ReverseTranslationScorer? = nil, fallback: ((String) -> String?)? = nil
  ) {
    self.dictionary = dictionary
    self.options = options
    self.scorer = scorer
    self.fallback = fallback
  }

  /// The translation of a sentence, counting what happened to its tokens.
  public func translate(_ sentence: Sentence, statistics: inout TranslationStatistics) -> Sentence {
    var out = sentence
    statistics.sentences += 1
    if let lang = options.targetLanguage { out.setMetadata("lang", lang) }
    guard !sentence.columns.isEmpty else { return out }

    let tokens = sentence.tokens
    let n = tokens.count
    let words = translations(of: tokens, gold: sentence.tags, statistics: &statistics)
    let total = words.reduce(0) { $0 + $1.count }
    statistics.outputTokens += total

    var tagColumns = options.tagColumns
    if let t = sentence.tagColumn { tagColumns.insert(t) }
    for (c, column) in sentence.columns.enumerated() where column.values.count == n {
      var values: [String] = []
      values.reserveCapacity(total)
      if c == sentence.tokenColumn {
        for w in words { values.append(contentsOf: w) }
      } else if tagColumns.contains(c) {
        for (i, v) in column.values.enumerated() {
          if let tag = Tag(parsing: v) {
            values.append(contentsOf: tag.expanded(to: words[i].count).map(\.description))
          } else {
            values.append(contentsOf: repeatElement(v, count: words[i].count))
          }
        }
      } else {
        for (i, v) in column.values.enumerated() { values.append(contentsOf: repeatElement(v, count: words[i].count)) }
      }
      out.columns[c].values = values
    }
    if sentence.tokenLines.count == n {
      out.tokenLines = []
      out.tokenLines.reserveCapacity(total)
      for (i, line) in sentence.tokenLines.enumerated() {
        out.tokenLines.append(contentsOf: repeatElement(line, count: words[i].count))
      }
    }
    if options.keepSource {
      var source: [String] = []
      source.reserveCapacity(total)
      for (i, t) in tokens.enumerated() { source.append(contentsOf: repeatElement(t, count: words[i].count)) }
      addSourceColumn(source, to: &out)
    }
    return out
  }

  /// The translation of each token (one word or more; rules in the type's description),
  /// counted in `statistics` (all but sentences and output tokens): the word-by-word
  /// translation of a sentence and its alignment, token `i` giving the words `[i]`.
  /// `gold` (the tags, when known) serves ``TranslationOptions/copyTypes``.
  public func translations(of tokens: [String], gold: [String]?, statistics: inout TranslationStatistics) -> [[String]] {
    let n = tokens.count
    var sourceVectors: [[Float]?]?
    var words: [[String]] = []
    words.reserveCapacity(n)
    for i in 0..<n {
      let token = tokens[i]
      if !options.copyTypes.isEmpty, let gold, i < gold.count, let tag = Tag(parsing: gold[i]),
        tag.prefix != .outside, options.copyTypes.contains(tag.type)
      {
        statistics.copied += 1
        words.append([token])
      } else if let found = dictionary.lookup(token) {
        var k = 0
        if found.translations.count > 1 {
          statistics.ambiguous += 1
          if let scorer {
            if sourceVectors == nil { sourceVectors = scorer.sourceVectors(for: tokens) }
            k = scorer.choose(found.translations, at: i, sourceVectors: sourceVectors!)
            if k != 0 { statistics.reranked += 1 }
          }
        }
        if found.match == .exact { statistics.exact += 1 } else { statistics.lowercase += 1 }
        words.append(restoreCase(found.translations[k], like: token))
      } else if let fallback, token.contains(where: \.isLetter),
        let answer = fallback(token).map({ $0.split(separator: " ").map(String.init) }), !answer.isEmpty
      {
        statistics.fallback += 1
        words.append(restoreCase(answer, like: token))
      } else {
        statistics.kept += 1
        words.append([token])
      }
    }
    return words
  }

  /// The translation of a sentence.
  public func translate(_ sentence: Sentence) -> Sentence {
    var statistics = TranslationStatistics()
    return translate(sentence, statistics: &statistics)
  }

  private func restoreCase(_ words: [String], like token: String) -> [String] {
    options.caseRestoration ? CasePattern(of: token).apply(to: words) : words
  }

  /// Puts the source tokens in the column ``TranslationOptions/sourceColumnKey``: the
  /// existing one of that key, where it is, or a new one after the token column.
  private func addSourceColumn(_ values: [String], to s: inout Sentence) {
    if let c = s.columnIndex(options.sourceColumnKey), c != s.tokenColumn {
      s.columns[c].values = values
      return
    }
    let at = s.tokenColumn + 1
    s.columns.insert(Column(key: options.sourceColumnKey, values: values), at: at)
    if let t = s.tagColumn, t >= at { s.tagColumn = t + 1 }
  }
}
