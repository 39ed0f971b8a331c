/// The linear-chain CRF as a model kind: sparse features of a sentence's columns
/// (``FeatureSet``: the built-in NER features or CRF++ templates) weighted per label
/// (``CRFTagger``), as CRFsuite's crf1d model.
///
/// Configuration fields: the feature set's (``FeatureSet/metadata``). Sections:
/// `labels` and `attributes` (a UInt32 count, then strings), `state` (a UInt64 count of
/// (attribute, label, weight) triples as UInt32, UInt32, Float64, by attribute then
/// label; zero weights pruned), `transitions` (L × L Float64).
public struct LinearCRF: SequenceModel, Equatable {
  public static let kind = "linear"
  public var featureSet: FeatureSet
  public var tagger: CRFTagger

  public init(featureSet: FeatureSet, tagger: CRFTagger) {
    self.featureSet = featureSet
    self.tagger = tagger
  }

  public var labels: [String] { tagger.labels }
  public var readsAttributes: Bool { true }
  public var transitions: [Double] { tagger.model.transition }

  public func stateScores(_ batch: [ModelInput]) -> [Result<[Double], Error>] {
    batch.map { input in Result { tagger.model.stateScores(try sequence(input)) } }
  }

  /// The attribute ids (and values) of a sentence.
  public func sequence(_ input: ModelInput) throws -> AttributeSequence {
    switch input.observation {
    case .sentence(let s): return tagger.sequence(try featureSet.features(s, language: input.language))
    case .features(let f): return tagger.sequence(f)
    case .attributes(let a): return tagger.sequence(featureSet.attributes(a, language: input.language))
    }
  }

  public func prepare(_ input: ModelInput) throws -> ModelInput {
    guard case .sentence(let s) = input.observation else { return input }
    let features = try DataError.naming(input.source) { try featureSet.features(s, language: input.language) }
    return ModelInput(.features(features), language: input.language, source: input.source, line: input.line)
  }

  public var fields: [(String, String)] { featureSet.metadata }

  public static func == (a: LinearCRF, b: LinearCRF) -> Bool {
    a.tagger == b.tagger && a.featureSet.metadata.elementsEqual(b.featureSet.metadata, by: { $0 == $1 })
  }
}

extension LinearCRF {
  public func sections() -> [(name: String, bytes: [UInt8])] {
    var labels = ByteWriter(), attributes = ByteWriter(), state = ByteWriter(), transitions = ByteWriter()
    labels.strings(tagger.labels)
    let m = tagger.model
    var names = [String](repeating: "", count: m.attributeCount)
    for (name, id) in tagger.attributes where id < names.count { names[id] = name }
    // Attributes with at least one non-zero weight, renumbered in id order.
    var kept: [String] = []
    var triples: [(UInt32, UInt32, Double)] = []
    for a in 0..<m.attributeCount {
      let features = m.featureStart[a]..<m.featureStart[a + 1]
      guard features.contains(where: { m.state[$0] != 0 }) else { continue }
      for f in features where m.state[f] != 0 { triples.append((UInt32(kept.count), UInt32(m.featureLabel[f]), m.state[f])) }
      kept.append(names[a])
    }
    attributes.strings(kept)
    state.u64(UInt64(triples.count))
    for (a, y, w) in triples { state.u32(a); state.u32(y); state.f64(w) }
    for w in m.transition { transitions.f64(w) }
    return [("labels", labels.bytes), ("attributes", attributes.bytes), ("state", state.bytes), ("transitions", transitions.bytes)]
  }

  public init(configuration: inout ModelFields, sections: inout ModelSections) throws {
    let labels = try sections.reader("labels"), attributes = try sections.reader("attributes")
    let state = try sections.reader("state"), transitions = try sections.reader("transitions")
    let featureSet = try FeatureSet(fields: &configuration)
    let tagger = try Self.readTagger(labels: labels, attributes: attributes, state: state, transitions: transitions)
    for r in [labels, attributes, state, transitions] { try r.done() }
    self.init(featureSet: featureSet, tagger: tagger)
  }

  /// The labels, attributes, state weights and transitions, from their readers (one
  /// reader four times for the version 1 file, where they follow each other).
  static func readTagger(labels l: ByteReader, attributes a: ByteReader, state s: ByteReader,
                         transitions t: ByteReader) throws -> CRFTagger {
    let labels = try l.labels()
    let names = try a.strings()
    let L = labels.count, A = names.count
    var attributes: [String: Int] = [:]
    for (id, name) in names.enumerated() {
      guard attributes.updateValue(id, forKey: name) == nil else { throw DataError(line: 0, "damaged model: attribute '\(name)' twice") }
    }
    let triples = try s.u64()
    guard triples <= UInt64(s.remaining / 16) else { throw DataError(line: 0, "damaged model: bad weight count") }
    var labelsOf = [[Int]](repeating: [], count: A)
    var values: [Double] = []
    values.reserveCapacity(Int(triples))
    var previous = -1
    for _ in 0..<Int(triples) {
      let a = Int(try s.u32()), y = Int(try s.u32())
      let w = try s.f64()
      // Triples come by attribute, then label, each once.
      guard a < A, y < L, a * L + y > previous, w.isFinite else { throw DataError(line: 0, "damaged model: weight out of range") }
      previous = a * L + y
      labelsOf[a].append(y)
      values.append(w)
    }
    var model = CRFModel(labelCount: L, attributeCount: A) { labelsOf[$0] }
    model.state = values
    guard L * L <= t.remaining / 8 else { throw DataError(line: 0, "damaged model: truncated transitions") }
    for i in 0..<(L * L) {
      model.transition[i] = try t.f64()
      guard model.transition[i].isFinite else { throw DataError(line: 0, "damaged model: transition not finite") }
    }
    return CRFTagger(labels: labels, attributes: attributes, model: model)
  }
}

/// What `ner-tag dump` prints of a linear CRF.
extension LinearCRF {
  public var summary: [(String, String)] {
    let m = tagger.model
    return [("attributes", "\(m.attributeCount)"), ("state features", "\(m.state.count)"),
            ("non-zero state weights", "\(m.state.filter { $0 != 0 }.count)")]
  }

  /// The `top` heaviest state features.
  public func details(top: Int) -> String {
    let m = tagger.model
    var names = [String](repeating: "", count: m.attributeCount)
    for (name, id) in tagger.attributes where id < names.count { names[id] = name }
    var features: [(weight: Double, attribute: Int, label: Int)] = []
    for a in 0..<m.attributeCount {
      for f in m.featureStart[a]..<m.featureStart[a + 1] where m.state[f] != 0 {
        features.append((m.state[f], a, Int(m.featureLabel[f])))
      }
    }
    // Heaviest first; ties by attribute name then label, so the listing is stable.
    features.sort { x, y in
      abs(x.weight) != abs(y.weight) ? abs(x.weight) > abs(y.weight)
        : names[x.attribute] != names[y.attribute] ? names[x.attribute] < names[y.attribute] : x.label < y.label
    }
    var out = "\nSTATE FEATURES (\(min(top, features.count)) heaviest of \(features.count))\n"
    for f in features.prefix(top) {
      out += "  " + CFormat.format("%+.4f", f.weight) + "\t\(tagger.labels[f.label])\t\(names[f.attribute])\n"
    }
    return out
  }
}
