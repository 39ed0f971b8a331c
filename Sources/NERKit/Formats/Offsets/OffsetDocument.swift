/// A document of a format with character offsets (doccano, Label Studio, spaCy, brat):
/// its text, its labelled spans, and what identifies it.
///
/// Offsets count Unicode scalars (code points), as Python's `str` does, which is what
/// doccano, Label Studio (since 2021), spaCy and brat count: a character outside the Basic
/// Multilingual Plane (an emoji) is one, a CR LF two.
public struct OffsetDocument: Equatable, Sendable {
  /// The document's id (doccano's and Label Studio's `id`, brat's file name, spaCy's
  /// number in its file).
  public var id: String
  public var text: String
  public var spans: [CharacterSpan]
  /// The input line the document starts on (for messages; 0 when unknown).
  public var line: Int
  /// Fields of the document that the format does not own (doccano's other keys), kept as
  /// metadata of its first sentence and written back.
  public var fields: [HeaderLine]

  public init(id: String, text: String, spans: [CharacterSpan] = [], line: Int = 0, fields: [HeaderLine] = []) {
    self.id = id
    self.text = text
    self.spans = spans
    self.line = line
    self.fields = fields
  }
}

/// A labelled span of a document, in Unicode scalar offsets (end exclusive).
public struct CharacterSpan: Equatable, Sendable {
  public var start: Int
  public var end: Int
  public var type: String
  /// The line it stands on in its input, when it has one of its own (a brat `.ann` line);
  /// 0: the document's.
  public var line: Int
  /// The file it stands in, when not the document's (brat's `.ann`).
  public var file: String?
  /// The pieces of a discontinuous span (brat `0 5;10 15`), in order; empty for a
  /// continuous one. `start` and `end` are then those of the whole.
  public var fragments: [Range<Int>]

  public init(start: Int, end: Int, type: String, line: Int = 0, file: String? = nil, fragments: [Range<Int>] = []) {
    self.start = start
    self.end = end
    self.type = type
    self.line = line
    self.file = file
    self.fragments = fragments
  }
}

/// What to do with a span that cannot become tags as it stands: one that does not start
/// and end on token boundaries, is empty, is discontinuous, crosses a sentence boundary or
/// overlaps another (`--misaligned`).
public enum MisalignedPolicy: String, CaseIterable, Sendable {
  /// Stop with an error naming the document and the offsets.
  case error
  /// Widen a span to the tokens it touches (a discontinuous one to its whole extent); a
  /// span that cannot be widened (empty, on whitespace only, across sentences, overlapping
  /// another) is dropped. Each is reported on standard error.
  case expand
  /// Leave the span out, reporting it on standard error.
  case drop
}
