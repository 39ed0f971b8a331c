/// Reading a column of a sentence as tags.
public enum TagColumn {
  /// The tags of column `column`; a value that is not a tag is a ``DataError`` at its line.
  public static func parse(_ s: Sentence, column: Int) throws -> [Tag] {
    var tags: [Tag] = []
    tags.reserveCapacity(s.count)
    for (i, v) in s.columns[column].values.enumerated() {
      guard let t = Tag(parsing: v) else {
        throw DataError(line: s.lineOfToken(i), "'\(v)' is not a tag (O, or B-, I-, E-, S-, L-, U- and a type)")
      }
      tags.append(t)
    }
    return tags
  }

  /// Rewrites the tags of `column` in `scheme`. With `strictInput`, the input must be
  /// valid in that scheme: the first invalid transition is a ``DataError`` at its line.
  public static func convert(_ s: inout Sentence, column: Int, to scheme: TagScheme, strictInput: TagScheme?) throws {
    let tags = try parse(s, column: column)
    let spans: [Span]
    if let input = strictInput {
      let (found, violation) = SpanDecoder.strict(tags, scheme: input)
      if let v = violation {
        throw DataError(line: s.lineOfToken(v.index), "invalid \(input.rawValue.uppercased()) sequence: \(v.message)")
      }
      spans = found
    } else {
      spans = SpanDecoder.lenient(tags)
    }
    s.columns[column].values = scheme.tags(for: spans, count: s.count).map(\.description)
  }
}
