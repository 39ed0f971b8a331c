/// brat standoff: a document is a `.txt` file (its text, every byte of it: offsets count
/// the Unicode scalars of the whole file, line ends included) and the `.ann` file beside
/// it, whose text-bound annotations are `T` lines: `T1<TAB>TYPE START END<TAB>text`, a
/// discontinuous one `TYPE 0 5;10 15`. Other lines (relations, events, attributes, notes)
/// are not read; the reader counts them so the caller can say so. A `T` line's text must
/// be the document's text at its offsets (fragments joined by a space).
public final class BratReader: DocumentSource {
  private let text: LineReader
  private let annotations: LineReader
  private let id: String
  private let annotationFile: String
  private var done = false
  /// Lines of the `.ann` file that are not `T` lines (nor blank).
  public private(set) var otherLines = 0

  /// A reader of the document `id` whose text is read from `text`, its annotations from
  /// `annotations` (named `annotationFile` in messages).
  public init(text: LineReader, annotations: LineReader, id: String, annotationFile: String) {
    self.text = text
    self.annotations = annotations
    self.id = id
    self.annotationFile = annotationFile
  }

  public func nextDocument() throws -> OffsetDocument? {
    guard !done else { return nil }
    done = true
    var document = OffsetDocument(id: id, text: try text.readAllText(), line: 0)
    let scalars = ScalarText(document.text)
    while let line = try annotations.next() {
      guard let s = UTF8Text.decode(line.bytes) else { throw DataError(line: line.number, "invalid UTF-8", file: annotationFile) }
      let content = s.hasSuffix("\r") ? String(s.dropLast()) : s
      guard content.hasPrefix("T") else {
        if !content.allSatisfy({ $0 == " " || $0 == "\t" }) { otherLines += 1 }
        continue
      }
      document.spans.append(try span(content, line: line.number, scalars))
    }
    return document
  }

  /// The span of a `T` line.
  private func span(_ line: String, line number: Int, _ text: ScalarText) throws -> CharacterSpan {
    let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
    func bad(_ why: String) -> DataError { DataError(line: number, "\(why): a T line is 'T1<TAB>TYPE START END<TAB>text'", file: annotationFile) }
    guard fields.count >= 2 else { throw bad("no tab after the id") }
    let parts = fields[1].split(separator: " ", maxSplits: 1)
    guard parts.count == 2, !parts[0].isEmpty else { throw bad("no type and offsets") }
    var fragments: [Range<Int>] = []
    for piece in parts[1].split(separator: ";", omittingEmptySubsequences: false) {
      let ends = piece.split(separator: " ", omittingEmptySubsequences: false)
      guard ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]) else { throw bad("offsets '\(parts[1])' are not START END pairs") }
      fragments.append(a..<max(a, b))
      guard a <= b else { throw DataError(line: number, "document \(id): span \(a)-\(b) ends before it starts", file: annotationFile) }
    }
    let start = fragments.map(\.lowerBound).min()!
    let end = fragments.map(\.upperBound).max()!
    let span = CharacterSpan(start: start, end: end, type: String(parts[0]), line: number, file: annotationFile, fragments: fragments.count > 1 ? fragments : [])
    if fields.count == 3, fragments.allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= text.count }) {
      let covered = fragments.map { text.string($0) }.joined(separator: " ").replacingNewlines()
      if covered != fields[2] {
        throw DataError(
          line: number, "document \(id): span \(start)-\(end) \(parts[0]) says it covers \"\(fields[2])\" but the text there is \"\(covered)\"",
          file: annotationFile)
      }
    }
    return span
  }
}

/// Writes brat standoff: each document becomes `ID.txt` (its text) and `ID.ann` (a `T`
/// line a span, numbered from T1) through `save`, which the caller points at a folder. A
/// document id is made a file name by replacing `/`, NUL and a leading `.` with `_`; two
/// documents with the same name are an error.
public final class BratWriter: DocumentSink {
  private let save: (_ name: String, _ text: String, _ annotations: String) throws -> Void
  private var names = Set<String>()

  public init(save: @escaping (_ name: String, _ text: String, _ annotations: String) throws -> Void) { self.save = save }

  public func write(_ d: OffsetDocument) throws {
    var name = String(d.id.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
    if name.hasPrefix(".") || name.isEmpty { name = "_" + name.dropFirst(name.isEmpty ? 0 : 1) }
    guard names.insert(name).inserted else {
      throw DataError(line: d.line, "document \(d.id): a document named '\(name)' was written already (brat needs one file a document)")
    }
    let text = ScalarText(d.text)
    var ann = ""
    for (k, span) in d.spans.enumerated() {
      guard !span.type.contains(where: { $0.isWhitespace }) else {
        throw DataError(line: d.line, "document \(d.id): type '\(span.type)' has whitespace, which brat types cannot hold")
      }
      let covered = text.string(span.start..<span.end).replacingNewlines()
      ann += "T\(k + 1)\t\(span.type) \(span.start) \(span.end)\t\(covered)\n"
    }
    try save(name, d.text, ann)
  }

  public func finish() throws {}
}

extension String {
  /// Line breaks replaced with spaces, as brat writes a span's text on its `T` line.
  fileprivate func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
  }
}
