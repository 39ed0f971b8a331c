/// The lines of `ner-score --errors`: one per error of a sentence, tab-separated like
/// the spans format: sentence id, start token, end token (exclusive), kind, gold type,
/// guessed type, gold text, guessed text (`-` for an empty field; a tab or line
/// break inside a field becomes a space).
///
/// Guesses are matched with gold entities as in the strict schema of partial credit
/// (``EntityMatching``, one to one), so the lines are its incorrect, spurious and
/// missed entities: FP (a guess matched with no gold entity), FN (a gold entity matched
/// with no guess), TYPE (matched, same boundaries, another type), BOUNDARY (matched by
/// an overlap with other boundaries, whatever the types: one line rather than an FP and
/// an FN; its range covers both entities). Lines are ordered by start, then end, then
/// kind.
public enum ErrorListing {
  public static func lines(id: String, tokens: [String], _ s: SentenceEntities) -> String {
    lines(id: id, s, bounds: { ($0, $1) }, text: { tokens[$0..<$1].joined(separator: " ") })
  }

  /// The lines of a sentence whose positions are not tokens: `bounds` gives the start
  /// and end written for positions `start..<end`, `text` their text.
  public static func lines(id: String, _ s: SentenceEntities, bounds: (Int, Int) -> (Int, Int), text: (Int, Int) -> String) -> String {
    let m = EntityMatching(s, schema: .strict)
    var rows: [(start: Int, end: Int, kind: String, gold: Span?, guess: Span?)] = []
    for (i, match) in m.guesses.enumerated() {
      let g = s.guess[i]
      switch match {
      case .correct: continue
      case .incorrect(let k), .partial(let k):
        let o = s.gold[k]
        if o.sameBoundaries(g) {
          rows.append((g.start, g.end, "TYPE", o, g))
        } else {
          rows.append((min(o.start, g.start), max(o.end, g.end), "BOUNDARY", o, g))
        }
      case .spurious: rows.append((g.start, g.end, "FP", nil, g))
      }
    }
    for k in m.missed { rows.append((s.gold[k].start, s.gold[k].end, "FN", s.gold[k], nil)) }
    rows.sort { ($0.start, $0.end, $0.kind) < ($1.start, $1.end, $1.kind) }
    func field(_ x: String?) -> String { x.map { $0.isEmpty ? "-" : $0 } ?? "-" }
    func spanText(_ e: Span?) -> String? { e.map { text($0.start, $0.end) } }
    // A tab or line break inside a token (JSONL allows them) would break the columns.
    func clean(_ x: String) -> String {
      x.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        ? String(x.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }) : x
    }
    var out = ""
    for r in rows {
      let (start, end) = bounds(r.start, r.end)
      let fields = [id, String(start), String(end), r.kind, field(r.gold?.type), field(r.guess?.type),
                    field(spanText(r.gold)), field(spanText(r.guess))]
      out += fields.map { clean($0) }.joined(separator: "\t") + "\n"
    }
    return out
  }
}
