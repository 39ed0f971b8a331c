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
