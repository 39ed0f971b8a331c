/// A transfer source in a neural CRF's model file: what tagging needs (the English model,
/// the dictionary, the attention and its vectors) travels with the model.
///
/// Fields: `transfer-attention` (alignment or embedding), `transfer-temperature`,
/// `transfer-window`, `transfer-scores` (yes when T brings the English tag scores too;
/// written only then), `transfer-into` (input when T enters the sentence BiLSTM's input;
/// written only then). Sections: `transfer-model` (the English model's whole model file,
/// which may not hold a transfer source itself), `transfer-dictionary` (a UInt32 count of
/// source words, then each word and its translations as a counted list of strings, words
/// separated by spaces), `transfer-vectors` (a UInt32 dimension, 0 for none; else the
/// source words and their vectors (mapped into the English space), then the English
/// words and theirs, each a counted list of strings and a counted list of Float32).
extension ConverseTransfer {
  var fields: [(String, String)] {
    var list: [(String, String)] = [
      ("transfer-attention", attention.kind.rawValue), ("transfer-temperature", "\(attention.temperature)"),
      ("transfer-window", "\(attention.window)"),
    ]
    if scores { list.append(("transfer-scores", ModelFields.yes(true))) }
    if placement != .states { list.append(("transfer-into", placement.rawValue)) }
    return list
  }

  func sections() -> [(name: String, bytes: [UInt8])] {
    var d = ByteWriter(), v = ByteWriter()
    let entries = dictionary.sortedEntries
    d.u32(UInt32(entries.count))
    for (source, translations) in entries {
      d.string(source)
      d.strings(translations.map { $0.joined(separator: " ") })
    }
    if let s = attention.source, let t = attention.target {
      v.u32(UInt32(s.dimension))
      for e in [s, t] {
        v.strings(e.words)
        v.floats(e.vectors)
      }
    } else {
      v.u32(0)
    }
    let model = ModelFile.encode(TrainedModel(english, metadata: []))
    return [("transfer-model", model), ("transfer-dictionary", d.bytes), ("transfer-vectors", v.bytes)]
  }

  /// The transfer source of a model file, or nil when it has none.
  static func read(fields: inout ModelFields, sections: inout ModelSections) throws -> ConverseTransfer? {
    let kindText = fields.string("transfer-attention")
    let temperatureText = fields.string("transfer-temperature")
    let window = try fields.int("transfer-window", default: 5, in: 0...1_000_000)
    let scores = try fields.bool("transfer-scores", default: false)
    let placementText = fields.string("transfer-into")
    guard sections.contains("transfer-model") else {
      guard kindText == nil && temperatureText == nil && placementText == nil else { throw DataError(line: 0, "damaged model: transfer fields without a transfer model") }
      return nil
    }
    guard let kindText, let kind = AttentionKind(rawValue: kindText) else {
      throw DataError(line: 0, "damaged model: field transfer-attention is not alignment or embedding")
    }
    guard let temperatureText, let temperature = Double(temperatureText), temperature.isFinite, temperature > 0 else {
      throw DataError(line: 0, "damaged model: field transfer-temperature is not a positive number")
    }
    guard let placement = TransferPlacement(rawValue: placementText ?? "states") else {
      throw DataError(line: 0, "damaged model: field transfer-into is not states or input")
    }
    let m = try sections.reader("transfer-model"), d = try sections.reader("transfer-dictionary")
    let v = try sections.reader("transfer-vectors")
    let nested = try ModelFile.decodeNested(Array(try m.take(m.remaining)), refusing: "transfer-model")
    guard let english = nested.of(NeuralCRF.self) else {
      throw DataError(line: 0, "damaged model: the transfer model is a \(nested.kind) model, not a neural one")
    }
    var dictionary = BilingualDictionary()
    for _ in 0..<(try d.count(itemSize: 8)) {
      let source = try d.string()
      for t in try d.strings() {
        let words = t.split(separator: " ").map(String.init)
        guard !source.isEmpty, !words.isEmpty else { throw DataError(line: 0, "damaged model: an empty dictionary entry") }
        dictionary.add(source: source, target: words)
      }
    }
    var attention = TranslationAttention(kind: kind, temperature: temperature, window: window)
    let dimension = Int(try v.u32())
    if dimension > 0 {
      var tables: [WordEmbeddings] = []
      for _ in 0..<2 {
        let words = try v.strings()
        let (n, overflow) = words.count.multipliedReportingOverflow(by: dimension)
        guard !overflow, n <= v.remaining / 4 else { throw DataError(line: 0, "damaged model: truncated") }
        let vectors = try v.floats(expected: n)
        guard vectors.allSatisfy(\.isFinite) else { throw DataError(line: 0, "damaged model: a vector value is not a finite number") }
        tables.append(WordEmbeddings(words: words, dimension: dimension, vectors: vectors))
      }
      attention.source = tables[0]
      attention.target = tables[1]
    }
    for r in [m, d, v] { try r.done() }
    return try ConverseTransfer(english: english, dictionary: dictionary, attention: attention, scores: scores, placement: placement)
  }

  /// Lines for `ner-tag dump`.
  var summary: [(String, String)] {
    var attentionText = attention.kind.rawValue
    if attention.kind == .embedding { attentionText += " (temperature \(attention.temperature), window \(attention.window))" }
    if scores { attentionText += "; states and tag scores" }
    if placement == .input { attentionText += "; into the sentence BiLSTM's input" }
    return [("transfer attention", attentionText),
            ("transfer model", "neural, \(english.parameters.count) weights, states of \(width), languages \(english.languages.joined(separator: " "))"),
            ("transfer dictionary", "\(dictionary.count) words, \(dictionary.pairCount) pairs"),
            ("transfer vectors", attention.source.map { "\($0.count) source and \(attention.target?.count ?? 0) English words of \($0.dimension) dimensions" } ?? "none")]
  }
}
