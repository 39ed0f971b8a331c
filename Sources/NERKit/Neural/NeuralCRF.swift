/// The character-level neural CRF of Lample et al. (2016) with the cross-lingual sharing
/// of Cotterell and Duh (2017).
///
/// Each word is the final states of a character BiLSTM over its characters (Unicode
/// scalars) concatenated with its word embedding (the feature sources of
/// ``NeuralConfiguration/tokenFeatures``); one BiLSTM, or several stacked
/// (``NeuralConfiguration/layers``), runs over the sentence; the
/// score of tag `t` at position `i` is `a(t[i-1], t) + u_t · tanh(W [s_i ; l(lang)] + b)
/// + c_t`, with `l` a language embedding; a linear-chain CRF sits on top. Characters,
/// LSTMs, the tag layer and the transitions are shared by all languages; word
/// embeddings are per language, row 0 of each table being the learned vector of unknown
/// words.
public struct NeuralCRF: Equatable, Sendable {
  public let configuration: NeuralConfiguration
  /// The labels, as the transitions and scores index them.
  public let labels: [String]
  /// The languages, in order; the first is the default for unknown languages.
  public let languages: [String]
  /// The known characters (Unicode scalar values); character id = index + 1, 0 unknown.
  public let characters: [UInt32]
  /// Each language's words (after --lower and digit masking); word id = index + 1.
  public let vocabularies: [[String]]
  /// Every weight but the word embeddings (see ``ParameterLayout``).
  public var parameters: [Float]
  /// Each language's embedding table, (words + 1) × wordDim; row 0 is the unknown word.
  public var embeddings: [[Float]]
  /// The frozen English model whose features join the states under the tag layer
  /// (``ConverseTransfer``), or nil.
  public let transfer: ConverseTransfer?

  let layout: ParameterLayout
  let characterIndex: [UInt32: Int32]
  let wordIndex: [[String: Int32]]
  let languageIndex: [String: Int]

  /// A model with the given vocabularies and weights (`parameters` laid out as
  /// ``ParameterLayout`` says; checked by the caller).
  /// The configuration's ``NeuralConfiguration/transferWidth`` and
  /// ``NeuralConfiguration/transferInput`` are set from `transfer`.
  public init(configuration: NeuralConfiguration, labels: [String], languages: [String], characters: [UInt32],
              vocabularies: [[String]], parameters: [Float], embeddings: [[Float]], transfer: ConverseTransfer? = nil) {
    let configuration = configuration.adopting(transfer)
    self.configuration = configuration
    self.transfer = transfer
    self.labels = labels
    self.languages = languages
    self.characters = characters
    self.vocabularies = vocabularies
    self.parameters = parameters
    self.embeddings = embeddings
    layout = ParameterLayout(configuration, characters: characters.count, languages: languages.count, labels: labels.count)
    var ci: [UInt32: Int32] = [:]
    for (i, c) in characters.enumerated() { ci[c] = Int32(i + 1) }
    characterIndex = ci
    wordIndex = vocabularies.map { words in
      var d: [String: Int32] = [:]
      d.reserveCapacity(words.count)
      for (i, w) in words.enumerated() where d[w] == nil { d[w] = Int32(i + 1) }
      return d
    }
    var li: [String: Int] = [:]
    for (i, l) in languages.enumerated() where li[l] == nil { li[l] = i }
    languageIndex = li
  }

  /// A model with random weights (seeded) and embeddings taken from `pretrained[language]`
  /// where a word has one.
  public init(configuration: NeuralConfiguration, labels: [String], languages: [String], characters: [UInt32],
              vocabularies: [[String]], pretrained: [String: WordEmbeddings] = [:], transfer: ConverseTransfer? = nil,
              seed: UInt64) {
    var rng = SeededRandom(seed, 1)
    let configuration = configuration.adopting(transfer)
    let layout = ParameterLayout(configuration, characters: characters.count, languages: languages.count, labels: labels.count)
    let parameters = layout.initialParameters(&rng)
    let d = configuration.wordDim
    let r = Float((3.0 / Double(d)).squareRoot())
    var tables: [[Float]] = []
    for (l, words) in vocabularies.enumerated() {
      var table = [Float](repeating: 0, count: (words.count + 1) * d)
      for i in 0..<table.count { table[i] = rng.uniform(r) }
      if let e = pretrained[languages[l]], e.dimension == d {
        for (i, w) in words.enumerated() {
          guard let row = e.index(of: w) else { continue }
          for (k, v) in e.vector(at: row).enumerated() { table[(i + 1) * d + k] = v }
        }
      }
      tables.append(table)
    }
    self.init(configuration: configuration, labels: labels, languages: languages, characters: characters,
              vocabularies: vocabularies, parameters: parameters, embeddings: tables, transfer: transfer)
  }

  public static func == (a: NeuralCRF, b: NeuralCRF) -> Bool {
    a.configuration == b.configuration && a.labels == b.labels && a.languages == b.languages
      && a.characters == b.characters && a.vocabularies == b.vocabularies && a.parameters == b.parameters
      && a.embeddings == b.embeddings && a.transfer == b.transfer
  }

  /// The model with `transfer` as its transfer source (one of the same width: the same
  /// source, cached or not).
  func replacingTransfer(_ transfer: ConverseTransfer?) -> NeuralCRF {
    NeuralCRF(configuration: configuration, labels: labels, languages: languages, characters: characters,
              vocabularies: vocabularies, parameters: parameters, embeddings: embeddings, transfer: transfer)
  }

  /// The transition scores as the CRF code takes them (`[i * L + j]`).
  public var transitions: [Double] {
    (0..<(labels.count * labels.count)).map { Double(parameters[layout.transitions + $0]) }
  }

  /// The form under which a word's embedding is looked up (--lower, digit masking).
  public func normalizedWord(_ word: String) -> String {
    Self.normalize(word, lower: configuration.lower, maskDigits: configuration.maskDigits)
  }

  /// `word` lowercased and/or with its ASCII and other decimal digits replaced by 0.
  public static func normalize(_ word: String, lower: Bool, maskDigits: Bool) -> String {
    var w = lower ? word.lowercased() : word
    if maskDigits, w.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) {
      var scalars = String.UnicodeScalarView()
      for s in w.unicodeScalars { scalars.append(s.properties.numericType == .decimal ? "0" : s) }
      w = String(scalars)
    }
    return w
  }

  /// The model with the language embedding of each of `targets` (language indices), and
  /// its own sentence BiLSTM if it has one, replaced by those of `source`: a language
  /// without training sentences is tagged as the language the network was trained on.
  public func sharingLanguageWeights(of source: Int, with targets: [Int]) -> NeuralCRF {
    var copy = self
    let d = configuration.languageDim
    for t in targets where t != source {
      for k in 0..<d { copy.parameters[layout.languageEmbedding + t * d + k] = parameters[layout.languageEmbedding + source * d + k] }
      guard !layout.languageLSTMs.isEmpty else { continue }
      let from = layout.languageLSTMs[source], to = layout.languageLSTMs[t]
      let n = from.backwardLayer.end - from.forwardLayer.inputWeights
      for k in 0..<n { copy.parameters[to.forwardLayer.inputWeights + k] = parameters[from.forwardLayer.inputWeights + k] }
    }
    return copy
  }

  /// The index of a language (the first language for one the model does not know).
  public func languageID(_ language: String?) -> Int { language.flatMap { languageIndex[$0] } ?? 0 }

  /// The characters of a word that the character BiLSTM reads, at each end of a longer
  /// word: all of a word of up to twice this many, else its first and its last this many
  /// (so the time a word takes does not grow with its length). Models of every version
  /// read words so: the cap changes nothing for words of up to 60 characters.
  public static let charactersPerEnd = 30

  /// The characters (Unicode scalars) of `word` that the network reads (see
  /// ``charactersPerEnd``), in order; work bounded by the cap, whatever the word's length.
  public static func readCharacters(of word: String) -> [Unicode.Scalar] {
    let scalars = word.unicodeScalars
    var read: [Unicode.Scalar] = []
    var i = scalars.startIndex
    while i != scalars.endIndex && read.count <= 2 * charactersPerEnd {
      read.append(scalars[i])
      i = scalars.index(after: i)
    }
    guard read.count > 2 * charactersPerEnd else { return read }
    read.removeLast(read.count - charactersPerEnd)
    var j = scalars.endIndex
    var tail: [Unicode.Scalar] = []
    for _ in 0..<charactersPerEnd {
      j = scalars.index(before: j)
      tail.append(scalars[j])
    }
    return read + tail.reversed()
  }

  /// A sentence's tokens as the network reads them.
  func encode(_ tokens: [String], language: String?) -> EncodedSentence {
    let l = languageID(language)
    var s = EncodedSentence(language: l)
    s.characters = tokens.map { token in
      let ids = Self.readCharacters(of: token).map { characterIndex[$0.value] ?? 0 }
      return ids.isEmpty ? [0] : ids
    }
    s.words = tokens.map { wordIndex[l][normalizedWord($0)] ?? 0 }
    return s
  }

  /// The state scores (`[t * L + y]`, without transitions) of each sentence, computed as
  /// one batch; `sentences` pairs tokens with a language.
  public func stateScores(_ sentences: [(tokens: [String], language: String?)]) -> [[Double]] {
    var encoded = sentences.map { encode($0.tokens, language: $0.language) }
    attachTransfer(&encoded, sentences.map(\.tokens))
    return stateScores(encoded)
  }

  /// Gives each encoded sentence its transfer features (``ConverseTransfer/features(_:threads:)``)
  /// when the model has a transfer source; `tokens` are the sentences' tokens.
  func attachTransfer(_ encoded: inout [EncodedSentence], _ tokens: [[String]], threads: Int = 1) {
    guard let transfer else { return }
    for (k, f) in transfer.features(tokens, threads: threads).enumerated() { encoded[k].transfer = f }
  }

  /// The states under the tag layer of each sentence (tokens × ``NeuralConfiguration/stateWidth``,
  /// row-major), without dropout, and with `scores` each row followed by the token's tag
  /// scores (without transitions): what a transfer source takes from an English model.
  func sentenceStates(_ encoded: [EncodedSentence], scores: Bool = false) -> [[Float]] {
    let nonEmpty = encoded.filter { !$0.words.isEmpty }
    guard !nonEmpty.isEmpty else { return encoded.map { _ in [] } }
    let S = configuration.stateWidth, L = labels.count, W = S + (scores ? L : 0)
    return parameters.withUnsafeBufferPointer { p in
      let pass = NetworkPass(model: self, p.baseAddress!, nonEmpty, dropout: nil)
      var k = 0
      return encoded.map { s in
        guard !s.words.isEmpty else { return [] }
        defer { k += 1 }
        let start = pass.sentenceStart[k]
        guard scores else { return Array(UnsafeBufferPointer(start: pass.states.pointer + start * S, count: s.words.count * S)) }
        var rows: [Float] = []
        rows.reserveCapacity(s.words.count * W)
        for i in start..<(start + s.words.count) {
          rows += UnsafeBufferPointer(start: pass.states.pointer + i * S, count: S)
          rows += UnsafeBufferPointer(start: pass.emissions.pointer + i * L, count: L)
        }
        return rows
      }
    }
  }

  func stateScores(_ encoded: [EncodedSentence]) -> [[Double]] {
    let nonEmpty = encoded.filter { !$0.words.isEmpty }
    guard !nonEmpty.isEmpty else { return encoded.map { _ in [] } }
    var out: [[Double]] = []
    out.reserveCapacity(encoded.count)
    let L = labels.count
    parameters.withUnsafeBufferPointer { p in
      let pass = NetworkPass(model: self, p.baseAddress!, nonEmpty, dropout: nil)
      var k = 0
      for s in encoded {
        guard !s.words.isEmpty else { out.append([]); continue }
        let start = pass.sentenceStart[k], n = s.words.count
        out.append((0..<(n * L)).map { Double(pass.emissions.pointer[start * L + $0]) })
        k += 1
      }
    }
    return out
  }
}

/// A sentence as ids: characters of each token, word ids in its language's table,
/// language id, and for training gold label ids and a weight.
struct EncodedSentence: Sendable {
  var language: Int
  var characters: [[Int32]] = []
  var words: [Int32] = []
  var labels: [Int] = []
  var weight: Float = 1
  /// Tokens whose word occurs once in training (replaced by the unknown word half of
  /// the time while training, so that its vector learns).
  var singletons: [Bool] = []
  /// The sentence's number in the training set (its dropout stream).
  var id = 0
  /// The transfer features, tokens × ``NeuralConfiguration/transferWidth`` (empty
  /// without a transfer source).
  var transfer: [Float] = []

  init(language: Int) { self.language = language }
}
