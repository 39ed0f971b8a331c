/// Adding a column to a corpus: the column goes into every sentence and the `-DOCSTART-`
/// lines, and its name into `# global.columns` when the file names its columns, so that
/// the file stays rectangular and self-describing.
public enum ColumnInsertion {
  /// Inserts `column` into `s` at position `at` (0: before the first column), keeping the
  /// tag column where it was, and names it `name` in `# global.columns`. Sentences without
  /// columns (empty ones) are left alone.
  public static func insert(_ column: Column, at: Int, named name: String, into s: inout Sentence) {
    guard !s.columns.isEmpty else { return }
    s.columns.insert(column, at: at)
    if let t = s.tagColumn, t >= at { s.tagColumn = t + 1 }
    nameColumn(name, at: at, in: &s.header)
  }

  /// Inserts `value` into a `-DOCSTART-` line's fields at position `at`, and names the
  /// column `name` in `# global.columns`. A line without fields is left alone.
  public static func insert(_ value: String, at: Int, named name: String, into d: inout DocumentStart) {
    guard !d.fields.isEmpty else { return }
    d.fields.insert(value, at: at)
    nameColumn(name, at: at, in: &d.header)
  }

  /// Inserts `name` at position `at` of the names in a `# global.columns` line, if the
  /// header has one.
  public static func nameColumn(_ name: String, at: Int, in header: inout [HeaderLine]) {
    for (i, line) in header.enumerated() {
      guard case .pair("global.columns", let names) = line else { continue }
      var parts = names.split(separator: " ").map(String.init)
      parts.insert(name, at: min(at, parts.count))
      header[i] = .pair(key: "global.columns", value: parts.joined(separator: " "))
    }
  }
}

extension ColumnInsertion {
  /// Adds a tool's predicted columns by the formats contract, whatever columns the input
  /// has: the prediction (`columns`' last) goes last, so that conlleval's rule (the last
  /// column is the guess, the one before it the gold) holds; the others (probabilities,
  /// n-best) go just before the gold tag column, or before the prediction when there is
  /// none. Columns already there under the same keys are replaced. Each is named in
  /// `# global.columns` by its key in capitals.
  public static func insertPrediction(_ columns: [Column], into s: inout Sentence) {
    guard !s.columns.isEmpty, let prediction = columns.last else { return }
    for c in columns { remove(key: c.key, from: &s) }
    var at = s.tagColumn ?? s.columns.count
    for c in columns.dropLast() {
      insert(c, at: at, named: c.key.uppercased(), into: &s)
      at += 1
    }
    insert(prediction, at: s.columns.count, named: prediction.key.uppercased(), into: &s)
  }

  /// The `-DOCSTART-` line of ``insertPrediction(_:into:)``: `values` (the prediction's
  /// last) go where that puts the columns named `names`, the gold tag column taken from
  /// `# global.columns`, else the line's last field.
  public static func insertPrediction(_ values: [String], named names: [String], into d: inout DocumentStart) {
    guard !d.fields.isEmpty, let last = values.last, let lastName = names.last else { return }
    var at = goldIndex(header: d.header, width: d.fields.count) ?? d.fields.count
    for (v, name) in zip(values.dropLast(), names.dropLast()) {
      insert(v, at: at, named: name, into: &d)
      at += 1
    }
    insert(last, at: d.fields.count, named: lastName, into: &d)
  }

  /// The gold tag column of a line `width` fields wide: the one `# global.columns` names
  /// NER, TAG, NE or LABEL, else the last (for a `-DOCSTART-` line, its tag).
  static func goldIndex(header: [HeaderLine], width: Int) -> Int? {
    for case .pair("global.columns", let value) in header {
      let names = value.split(separator: " ").map { $0.uppercased() }
      if names.count == width { return names.firstIndex { ["NER", "TAG", "NE", "LABEL"].contains($0) } }
    }
    return width >= 2 ? width - 1 : nil
  }

  /// Removes the column with key `key`, if any, and its name in `# global.columns`.
  static func remove(key: String, from s: inout Sentence) {
    guard let i = s.columnIndex(key), i != s.tokenColumn, i != s.tagColumn else { return }
    s.columns.remove(at: i)
    if s.tokenColumn > i { s.tokenColumn -= 1 }
    if let t = s.tagColumn, t > i { s.tagColumn = t - 1 }
    for (k, line) in s.header.enumerated() {
      guard case .pair("global.columns", let names) = line else { continue }
      var parts = names.split(separator: " ").map(String.init)
      if i < parts.count { parts.remove(at: i) }
      s.header[k] = .pair(key: "global.columns", value: parts.joined(separator: " "))
    }
  }
}
