/// Reads CRFsuite data (`LABEL<TAB>attr[:value]...` lines, a blank line between
/// sequences; CR of CRLF ignored) a sequence at a time.
public struct CRFsuiteReader {
  /// One sequence: its labels, each item's attributes with values, its first line.
  public typealias Sequence = (labels: [String], items: [[(String, Double)]], line: Int)

  let lines: LineReader

  public init(lines: LineReader) { self.lines = lines }

  /// The next sequence, or nil at the end of the input.
  public mutating func next() throws -> Sequence? {
    var labels: [String] = []
    var items: [[(String, Double)]] = []
    var first = 0
    while let line = try lines.next() {
      var bytes = line.bytes
      if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
      if bytes.isEmpty {
        if !labels.isEmpty { return (labels, items, first) }
        continue
      }
      let (label, attributes) = try CRFsuiteFormat.parse(bytes: bytes, lineNumber: line.number)
      if labels.isEmpty { first = line.number }
      labels.append(label)
      items.append(attributes)
    }
    return labels.isEmpty ? nil : (labels, items, first)
  }
}
