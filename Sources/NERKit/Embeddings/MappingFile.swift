import Foundation

/// A ``LinearMapping`` as text, so that a mapping fitted once can be given to later
/// commands (`ner-translate align --save-mapping`, `--mapping`).
///
/// The first line is `ROWS COLUMNS` (output and input dimensions), then one line per row
/// of W, its values separated by spaces, each written with 9 significant digits so that
/// the `Float` read back is the one written.
public enum MappingFile {
  /// The text of `mapping`.
  public static func text(_ mapping: LinearMapping) -> String {
    var s = "\(mapping.outputDimension) \(mapping.inputDimension)\n"
    s.reserveCapacity(mapping.weights.count * 16)
    for i in 0..<mapping.outputDimension {
      let row = mapping.weights[(i * mapping.inputDimension)..<((i + 1) * mapping.inputDimension)]
      s += row.map { String(format: "%.9g", Double($0)) }.joined(separator: " ")
      s += "\n"
    }
    return s
  }

  /// Parses mapping text (rules in the type's description).
  /// - Throws: ``DataError`` with the line of a bad header (or one whose sizes are more
  ///   than the file can hold), a row of the wrong length, a value that is not a finite
  ///   number, or a missing or extra row.
  public static func parse(_ text: String) throws -> LinearMapping {
    var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
    }
    while lines.last == "" { lines.removeLast() }
    guard let header = lines.first else { throw DataError(line: 0, "empty mapping file: expected a 'ROWS COLUMNS' header") }
    let dims = header.split(separator: " ").compactMap { Int($0) }
    guard dims.count == 2, header.split(separator: " ").count == 2, dims[0] > 0, dims[1] > 0 else {
      throw DataError(line: 1, "expected a 'ROWS COLUMNS' header, got '\(header.prefix(60))'")
    }
    let (rows, columns) = (dims[0], dims[1])
    guard lines.count - 1 == rows else {
      throw DataError(line: lines.count, "the header says \(rows) rows, the file has \(lines.count - 1)")
    }
    // Every value takes at least a byte: a size the file cannot hold is damage, found
    // before anything is allocated.
    let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow, size <= text.utf8.count else {
      throw DataError(line: 1, "the header says \(rows) x \(columns) values, more than the file's \(text.utf8.count) bytes can hold")
    }
    var weights: [Float] = []
    weights.reserveCapacity(size)
    for (i, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count == columns else {
        throw DataError(line: i + 2, "expected \(columns) values, found \(fields.count)")
      }
      for f in fields {
        guard let v = Float(f), v.isFinite else { throw DataError(line: i + 2, "not a finite number: '\(f.prefix(40))'") }
        weights.append(v)
      }
    }
    return LinearMapping(weights: weights, outputDimension: rows, inputDimension: columns)
  }
}
