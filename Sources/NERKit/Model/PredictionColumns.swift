/// How a prediction is added to a sentence, for each output format.
public enum PredictionLayout: Sendable {
  /// CoNLL: the `pred` column, `pred_prob` and `pred2`... columns, `# nbest_prob`.
  case columns
  /// JSONL: the `pred` array, `pred_prob` and `nbest` fields.
  case json
  /// Spans: the `pred` column and each entity's probability (`pred_span_prob`).
  case spans
}

extension Sentence {
  /// Adds a prediction: the `pred` column (replacing one already there) and what
  /// --marginals, --nbest and spans output ask for; JSONL keys new to the sentence go
  /// after its own. In CoNLL the prediction is the last column, the probabilities and
  /// other n-best sequences go before the gold tags (see
  /// ``ColumnInsertion/insertPrediction(_:into:)``).
  public mutating func add(_ p: SequenceTagger.Prediction, as layout: PredictionLayout) {
    func number(_ x: Double) -> String { CFormat.format("%.4f", x) }
    var added: [Column] = []
    if !p.probabilities.isEmpty {
      if layout == .json {
        setJSON("pred_prob", JSONText.array(raw: p.probabilities.map(number)))
      } else {
        added.append(Column(key: "pred_prob", values: p.probabilities.map(number)))
      }
    }
    if !p.nbest.isEmpty {
      if layout == .json {
        let items = p.nbest.map { JSONText.object([("pred", JSONText.array($0.labels)), ("prob", number($0.probability))]) }
        setJSON("nbest", JSONText.array(raw: items))
      } else {
        for (k, n) in p.nbest.enumerated().dropFirst() { added.append(Column(key: "pred\(k + 1)", values: n.labels)) }
        setMetadata("nbest_prob", p.nbest.map { number($0.probability) }.joined(separator: " "))
      }
    }
    added.append(Column(key: "pred", values: p.labels))
    for c in added { orderKey(c.key) }
    ColumnInsertion.insertPrediction(added, into: &self)
    if layout == .spans {
      header.append(.json(key: "pred_span_prob", raw: JSONText.array(raw: p.spans.map { number($0.probability) })))
    }
  }

  /// Adds a JSON field.
  mutating func setJSON(_ key: String, _ raw: String) {
    orderKey(key)
    header.append(.json(key: key, raw: raw))
  }

  /// JSONL read with a key order: new keys go last.
  mutating func orderKey(_ key: String) {
    if jsonKeyOrder != nil && !jsonKeyOrder!.contains(key) { jsonKeyOrder!.append(key) }
  }
}
