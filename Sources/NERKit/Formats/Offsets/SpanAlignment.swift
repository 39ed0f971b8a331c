/// Turns a document's character spans into one IOB2 tag a token, checking each span
/// against the tokens: it must start and end on token boundaries, be non-empty and
/// continuous, lie in one sentence and overlap no other. A span that does not is reported
/// with its document and offsets and handled by the ``MisalignedPolicy``: an error, or
/// widened (`expand`) or left out (`drop`) with a warning through `report`.
///
/// Spans are taken in order of their start (a longer one first on a tie), so of two
/// overlapping spans the first one is kept. A span outside the text, or one ending before
/// it starts, is bad data whatever the policy.
public struct SpanAlignment {
  public let policy: MisalignedPolicy
  /// Receives the warnings of `expand` and `drop` (line and file of the span).
  public let report: (DataError) -> Void

  public init(policy: MisalignedPolicy, report: @escaping (DataError) -> Void) {
    self.policy = policy
    self.report = report
  }

  /// The tag of each token of `tokens`, the tokenization of `document`'s text `text`.
  public func tags(_ document: OffsetDocument, _ text: ScalarText, _ tokens: DocumentTokens) throws -> [String] {
    var tags = [String](repeating: "O", count: tokens.tokens.count)
    var owner = [Int](repeating: -1, count: tokens.tokens.count)
    let order = document.spans.indices.sorted {
      let a = document.spans[$0]
      let b = document.spans[$1]
      return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end > b.end : $0 < $1
    }
    for k in order {
      let span = document.spans[k]
      guard let covered = try cover(span, document, text, tokens) else { continue }
      if let other = covered.lazy.map({ owner[$0] }).first(where: { $0 >= 0 }) {
        try issue(span, document, text, "overlaps the span \(describe(document.spans[other], text))", widened: nil)
        continue
      }
      for t in covered {
        tags[t] = (t == covered.lowerBound ? "B-" : "I-") + span.type
        owner[t] = k
      }
    }
    return tags
  }

  /// The tokens `span` becomes, or nil when it is left out.
  private func cover(_ span: CharacterSpan, _ document: OffsetDocument, _ text: ScalarText, _ tokens: DocumentTokens) throws -> Range<Int>? {
    guard span.start >= 0, span.end <= text.count else {
      throw error(span, document, "span \(span.start)-\(span.end) \(span.type) lies outside the text of \(text.count) characters")
    }
    guard span.start <= span.end else {
      throw error(span, document, "span \(span.start)-\(span.end) \(span.type) ends before it starts")
    }
    guard !span.type.isEmpty else { throw error(span, document, "span \(span.start)-\(span.end) has no label") }
    if span.start == span.end {
      try issue(span, document, text, "is empty", widened: nil)
      return nil
    }
    // The tokens it touches: the first that ends after its start to the last that starts before its end.
    let first = partition(tokens.tokens) { $0.upperBound > span.start }
    let end = partition(tokens.tokens) { $0.lowerBound >= span.end }
    guard first < end else {
      try issue(span, document, text, "covers no token (only whitespace)", widened: nil)
      return nil
    }
    let widened = tokens.tokens[first].lowerBound..<tokens.tokens[end - 1].upperBound
    if !span.fragments.isEmpty {
      let pieces = span.fragments.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ";")
      guard try issue(span, document, text, "is discontinuous (\(pieces))", widened: widened) else { return nil }
    } else if widened != span.start..<span.end {
      let touched = tokens.tokens[first..<end].prefix(4).map { "'\(text.string($0))' \($0.lowerBound)-\($0.upperBound)" }
      let more = end - first > 4 ? ", ..." : ""
      let why = "does not fall on token boundaries (tokens \(touched.joined(separator: ", "))\(more))"
      guard try issue(span, document, text, why, widened: widened) else { return nil }
    }
    let s1 = tokens.sentenceIndex(ofToken: first)
    let s2 = tokens.sentenceIndex(ofToken: end - 1)
    if s1 != s2 {
      let cut = tokens.sentences[s1].text.upperBound
      try issue(span, document, text, "crosses a sentence boundary at \(cut) (--no-split keeps each line one sentence)", widened: nil)
      return nil
    }
    return first..<end
  }

  /// Reports a span that cannot stay as it is: an error, or a warning saying what becomes
  /// of it. True when it is widened to `widened` (`expand` and a widening), false when left out.
  @discardableResult
  private func issue(_ span: CharacterSpan, _ document: OffsetDocument, _ text: ScalarText, _ why: String, widened: Range<Int>?) throws -> Bool {
    let what = "span \(describe(span, text)) \(why)"
    switch policy {
    case .error:
      throw error(span, document, what + " (--misaligned expand or drop goes on)")
    case .expand where widened != nil:
      report(message(span, document, what + "; expanded to \(widened!.lowerBound)-\(widened!.upperBound)"))
      return true
    default:
      report(message(span, document, what + "; dropped"))
      return false
    }
  }

  private func describe(_ span: CharacterSpan, _ text: ScalarText) -> String {
    let shown = span.end - span.start > 40 ? text.string(span.start..<(span.start + 40)) + "..." : text.string(span.start..<span.end)
    return "\(span.start)-\(span.end) \(span.type) \"\(shown)\""
  }

  private func message(_ span: CharacterSpan, _ document: OffsetDocument, _ text: String) -> DataError {
    DataError(line: span.line > 0 ? span.line : document.line, "document \(document.id): \(text)", file: span.file)
  }

  private func error(_ span: CharacterSpan, _ document: OffsetDocument, _ text: String) -> DataError { message(span, document, text) }

  /// The first index of `tokens` where `isAfter` holds (it holds from there on).
  private func partition(_ tokens: [Range<Int>], _ isAfter: (Range<Int>) -> Bool) -> Int {
    var lo = 0
    var hi = tokens.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if isAfter(tokens[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
