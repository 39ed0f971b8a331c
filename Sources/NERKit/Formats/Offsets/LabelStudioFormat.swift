/// Label Studio's JSON export of a text labelling project: an array of tasks,
/// `{"id": 1, "data": {"text": "..."}, "annotations": [{"result": [{"value": {"start": 0,
/// "end": 5, "text": "...", "labels": ["PER"]}, "from_name": "label", "to_name": "text",
/// "type": "labels"}, ...]}]}`, offsets in Unicode scalars (Label Studio counts code
/// points since 2021). The text is `data.text`, else the only string of `data`. The
/// spans are those of the first annotation not cancelled (`was_cancelled`; the older
/// `completions` too), results with `value.labels` (each label a span); other results
/// (choices, relations) and other annotations are not read. A result's `value.text`, when
/// given, must be the text at its offsets (an export that counted UTF-16 units fails
/// here). Read one task at a time (``JSONValueStream``).
public enum LabelStudioReader {
  /// The tasks of `lines` as documents.
  public static func documents(_ lines: LineReader) -> DocumentSource { JSONDocumentReader(lines: lines, parse: task) }

  /// A result's span and the text it says it covers.
  struct Labelled {
    var span: CharacterSpan
    var text: String?
  }

  static func task(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, number: Int) throws -> OffsetDocument {
    var s = JSONScanner(bytes)
    var document = OffsetDocument(id: String(number), text: "", line: line)
    var text: String?
    var strings: [String] = []
    var labelled: [Labelled]?
    guard s.peek() == UInt8(ascii: "{") else { throw DataError(line: line, "a task must be a JSON object") }
    try s.readObject { s, key in
      switch key {
      case "id": document.id = try OffsetJSON.identifier(&s)
      case "data":
        try s.readObject { s, k in
          if s.peek() == 0x22 {
            let v = try s.readString()
            if k == "text" { text = v }
            strings.append(v)
          } else {
            try s.skipValue()
          }
        }
      case "annotations", "completions":
        guard labelled == nil else { try s.skipValue(); return }
        labelled = try annotations(&s, line: line)
      default: try s.skipValue()
      }
    }
    guard let text = text ?? (strings.count == 1 ? strings[0] : nil) else {
      throw DataError(line: line, "task \(document.id): no 'data.text' (nor a 'data' with one string)")
    }
    document.text = text
    let scalars = ScalarText(text)
    for l in labelled ?? [] {
      let span = l.span
      if let said = l.text, span.start >= 0, span.start <= span.end, span.end <= scalars.count, scalars.string(span.start..<span.end) != said {
        throw DataError(
          line: line,
          "task \(document.id): span \(span.start)-\(span.end) \(span.type) says it covers \"\(said)\" but the text there is \"\(scalars.string(span.start..<span.end))\" (offsets not in code points?)")
      }
      document.spans.append(span)
    }
    return document
  }

  /// The labelled results of the first annotation not cancelled.
  static func annotations(_ s: inout JSONScanner, line: Int) throws -> [Labelled]? {
    var chosen: [Labelled]?
    try s.readArray { s in
      var results: [Labelled] = []
      var cancelled = false
      try s.readObject { s, key in
        switch key {
        case "result": results = try self.results(&s, line: line)
        case "was_cancelled": cancelled = try s.skipValue() == "true"
        default: try s.skipValue()
        }
      }
      if chosen == nil && !cancelled { chosen = results }
    }
    return chosen
  }

  static func results(_ s: inout JSONScanner, line: Int) throws -> [Labelled] {
    var out: [Labelled] = []
    try s.readArray { s in
      try s.readObject { s, key in
        guard key == "value", s.peek() == UInt8(ascii: "{") else { try s.skipValue(); return }
        var start: Int?
        var end: Int?
        var labels: [String]?
        var text: String?
        try s.readObject { s, k in
          switch k {
          case "start": start = try OffsetJSON.int(&s)
          case "end": end = try OffsetJSON.int(&s)
          case "labels": labels = try OffsetJSON.strings(&s)
          case "text": text = try OffsetJSON.string(&s)
          default: try s.skipValue()
          }
        }
        guard let labels else { return }
        guard let start, let end else { throw DataError(line: line, "a result with 'labels' needs integer 'start' and 'end'") }
        for label in labels { out.append(Labelled(span: CharacterSpan(start: start, end: end, type: label), text: text)) }
      }
    }
    return out
  }
}

/// Writes a Label Studio task array that Label Studio imports with its annotations:
/// `[` then one `{"id":...,"data":{"text":...},"annotations":[{"result":[...]}]}` a line
/// (results `from_name` "label", `to_name` "text", as Label Studio's NER template names
/// them; region ids `DOC-N`), then `]`.
public final class LabelStudioWriter: DocumentSink {
  private let array: JSONArrayOutput

  public init(_ out: OutputBuffer) { array = JSONArrayOutput(out) }

  public func write(_ d: OffsetDocument) throws {
    let text = ScalarText(d.text)
    let results = d.spans.enumerated().map { k, span in
      JSONText.object([
        ("value", JSONText.object([
          ("start", String(span.start)), ("end", String(span.end)), ("text", JSONText.quote(text.string(span.start..<span.end))),
          ("labels", JSONText.array([span.type])),
        ])),
        ("id", JSONText.quote("\(d.id)-\(k + 1)")), ("from_name", "\"label\""), ("to_name", "\"text\""), ("type", "\"labels\""),
      ])
    }
    let task = JSONText.object([
      ("id", OffsetJSON.identifier(d.id)), ("data", JSONText.object([("text", JSONText.quote(d.text))])),
      ("annotations", "[" + JSONText.object([("result", JSONText.array(raw: results))]) + "]"),
    ])
    try array.append(task)
  }

  public func finish() throws { try array.finish() }
}
