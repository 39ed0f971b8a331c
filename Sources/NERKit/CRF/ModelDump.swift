/// A readable listing of a model, as `ner-tag dump` prints it.
public enum ModelDump {
  /// Settings, labels, the transition matrix and the `top` heaviest state features.
  public static func text(_ contents: ModelFile.Contents, top: Int) -> String {
    let t = contents.tagger
    let m = t.model
    let L = t.labels.count
    var out = "MODEL\n"
    for (k, v) in contents.metadata {
      out += "  \(k) = \(v.contains("\n") ? "(\(v.split(separator: "\n").count) lines)" : v)\n"
    }
    out += "  attributes = \(m.attributeCount)\n  state features = \(m.state.count)\n"
    out += "  non-zero state weights = \(m.state.filter { $0 != 0 }.count)\n"
    out += "\nLABELS\n"
    for (i, l) in t.labels.enumerated() { out += "  \(i)\t\(l)\n" }
    out += "\nTRANSITIONS (from row to column)\n"
    let width = max(8, (t.labels.map(\.count).max() ?? 0) + 1)
    func pad(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
    out += "  " + pad("") + t.labels.map(pad).joined() + "\n"
    for i in 0..<L {
      out += "  " + pad(t.labels[i]) + (0..<L).map { pad(CFormat.format("%.3f", m.transition[i * L + $0])) }.joined() + "\n"
    }
    var names = [String](repeating: "", count: m.attributeCount)
    for (name, id) in t.attributes where id < names.count { names[id] = name }
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
    out += "\nSTATE FEATURES (\(min(top, features.count)) heaviest of \(features.count))\n"
    for f in features.prefix(top) {
      out += "  " + CFormat.format("%+.4f", f.weight) + "\t\(t.labels[f.label])\t\(names[f.attribute])\n"
    }
    return out
  }
}
