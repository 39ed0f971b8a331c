/// The neural CRF as a model kind.
///
/// Configuration fields: `char-dim`, `char-hidden`, `word-dim`, `hidden`, `layers`,
/// `language-dim` (numbers), `share-directions`, `lower`, `mask-digits`, `char-lstm`
/// `language-encoders` (yes or no; `char-lstm` written only when no and
/// `language-encoders` only when yes, so that models without them read as written), and
/// with a transfer source its fields (``ConverseTransfer``'s model file part).
/// Sections: `labels`, `languages` (a UInt32 count, then strings), `characters` (a
/// UInt32 count, then UInt32 scalar values), `vocabularies` (each language's words, a
/// counted list of strings each), `parameters` (a UInt64 count and Float32 values, laid
/// out as ``ParameterLayout`` says), `embeddings` (each language's table, the same way),
/// and with a transfer source its sections.
extension NeuralCRF: SequenceModel {
  public static let kind = "neural"

  public func stateScores(_ batch: [ModelInput]) -> [Result<[Double], Error>] {
    let sentences = batch.compactMap { input in input.tokens.map { ($0, input.language) } }
    guard sentences.count == batch.count else {
      return batch.map { _ in .failure(DataError(line: 0, "a neural model reads tokens, not CRFsuite attributes")) }
    }
    return stateScores(sentences).map { .success($0) }
  }

  public var fields: [(String, String)] {
    let c = configuration
    return [
      ("char-dim", "\(c.charDim)"), ("char-hidden", "\(c.charHidden)"), ("word-dim", "\(c.wordDim)"),
      ("hidden", "\(c.hidden)"), ("layers", "\(c.layers)"), ("language-dim", "\(c.languageDim)"),
      ("share-directions", ModelFields.yes(c.shareDirections)), ("lower", ModelFields.yes(c.lower)),
      ("mask-digits", ModelFields.yes(c.maskDigits)),
    ] + (c.characterFeatures ? [] : [("char-lstm", ModelFields.yes(false))])
      + (c.languageEncoders ? [("language-encoders", ModelFields.yes(true))] : [])
      + (transfer?.fields ?? [])
  }

  public func sections() -> [(name: String, bytes: [UInt8])] {
    var l = ByteWriter(), g = ByteWriter(), c = ByteWriter(), v = ByteWriter(), p = ByteWriter(), e = ByteWriter()
    l.strings(labels)
    g.strings(languages)
    c.u32(UInt32(characters.count))
    for ch in characters { c.u32(ch) }
    for words in vocabularies { v.strings(words) }
    p.floats(parameters)
    for table in embeddings { e.floats(table) }
    return [("labels", l.bytes), ("languages", g.bytes), ("characters", c.bytes), ("vocabularies", v.bytes),
            ("parameters", p.bytes), ("embeddings", e.bytes)] + (transfer?.sections() ?? [])
  }

  public init(configuration fields: inout ModelFields, sections: inout ModelSections) throws {
    let c = try NeuralConfiguration(fields: &fields)
    let transfer = try ConverseTransfer.read(fields: &fields, sections: &sections)
    let l = try sections.reader("labels"), g = try sections.reader("languages"), ch = try sections.reader("characters")
    let v = try sections.reader("vocabularies"), p = try sections.reader("parameters"), e = try sections.reader("embeddings")
    try self.init(c, labels: l, languages: g, characters: ch, vocabularies: v, parameters: p, embeddings: e,
                  transfer: transfer)
    for r in [l, g, ch, v, p, e] { try r.done() }
  }

  /// A model from its readers (one reader six times for the version 2 file, where the
  /// parts follow each other), every size checked against the layout.
  init(_ c: NeuralConfiguration, labels l: ByteReader, languages g: ByteReader, characters ch: ByteReader,
       vocabularies v: ByteReader, parameters p: ByteReader, embeddings e: ByteReader,
       transfer: ConverseTransfer? = nil) throws {
    let c = c.adopting(transfer)
    let labels = try l.labels(), languages = try g.strings()
    guard !languages.isEmpty else { throw DataError(line: 0, "damaged model: no languages") }
    var characters: [UInt32] = []
    for _ in 0..<(try ch.count(itemSize: 4)) { characters.append(try ch.u32()) }
    var vocabularies: [[String]] = []
    for _ in languages { vocabularies.append(try v.strings()) }
    let layout = ParameterLayout(c, characters: characters.count, languages: languages.count, labels: labels.count)
    let parameters = try p.floats(expected: layout.count)
    var embeddings: [[Float]] = []
    for words in vocabularies { embeddings.append(try e.floats(expected: (words.count + 1) * c.wordDim)) }
    guard parameters.allSatisfy(\.isFinite), embeddings.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
      throw DataError(line: 0, "damaged model: a weight is not a finite number")
    }
    self.init(configuration: c, labels: labels, languages: languages, characters: characters,
              vocabularies: vocabularies, parameters: parameters, embeddings: embeddings, transfer: transfer)
  }

  public var summary: [(String, String)] {
    [("characters", "\(characters.count)"), ("weights", "\(parameters.count)")]
      + zip(languages, vocabularies).map { ("vocabulary '\($0.0)'", "\($0.1.count) words") }
      + (transfer?.summary ?? [])
  }

  public func details(top: Int) -> String {
    var out = "\nWEIGHTS (name, count, root mean square)\n"
    for (name, range) in layout.tensors {
      let rms = range.isEmpty ? 0 : (range.reduce(0.0) { $0 + Double(parameters[$1]) * Double(parameters[$1]) } / Double(range.count)).squareRoot()
      out += "  \(name)\t\(range.count)\t\(CFormat.format("%.4f", rms))\n"
    }
    for (language, table) in zip(languages, embeddings) {
      out += "  embeddings '\(language)'\t\(table.count)\n"
    }
    return out
  }
}

extension NeuralConfiguration {
  /// The configuration the model file's fields give (missing fields: the defaults).
  init(fields: inout ModelFields) throws {
    self.init()
    let size = 1...100_000
    charDim = try fields.int("char-dim", default: charDim, in: size)
    charHidden = try fields.int("char-hidden", default: charHidden, in: size)
    wordDim = try fields.int("word-dim", default: wordDim, in: size)
    hidden = try fields.int("hidden", default: hidden, in: size)
    layers = try fields.int("layers", default: layers, in: 1...100)
    languageDim = try fields.int("language-dim", default: languageDim, in: 0...100_000)
    shareDirections = try fields.bool("share-directions", default: false)
    lower = try fields.bool("lower", default: false)
    maskDigits = try fields.bool("mask-digits", default: false)
    characterFeatures = try fields.bool("char-lstm", default: true)
    languageEncoders = try fields.bool("language-encoders", default: false)
  }
}
