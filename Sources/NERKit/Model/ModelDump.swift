/// A readable listing of a model of any kind, as `ner-tag dump` prints it.
public enum ModelDump {
  /// The kind, its settings and training facts, the kind's summary, the labels, the
  /// transition matrix, and the kind's details (`top` heaviest features, or weights).
  public static func text(_ trained: TrainedModel, top: Int) -> String {
    let model = trained.model
    var out = "MODEL\n  kind = \(trained.kind)\n"
    for (k, v) in model.fields + trained.metadata + model.summary {
      out += "  \(k) = \(v.contains("\n") ? "(\(v.split(separator: "\n").count) lines)" : v)\n"
    }
    out += "\nLABELS\n"
    for (i, l) in model.labels.enumerated() { out += "  \(i)\t\(l)\n" }
    out += "\nTRANSITIONS (from row to column)\n"
    let labels = model.labels, transition = model.transitions, L = labels.count
    let width = max(8, (labels.map(\.count).max() ?? 0) + 1)
    func pad(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
    out += "  " + pad("") + labels.map(pad).joined() + "\n"
    for i in 0..<L {
      out += "  " + pad(labels[i]) + (0..<L).map { pad(CFormat.format("%.3f", transition[i * L + $0])) }.joined() + "\n"
    }
    return out + model.details(top: top)
  }
}
