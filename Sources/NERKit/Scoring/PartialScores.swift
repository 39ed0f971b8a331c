/// Partial-credit scores as MUC and SemEval-2013 task 9.1 count them, with the
/// definitions and matching rules of the nervaluate package (``EntityMatching``): four
/// schemas side by side, each counting
/// correct, incorrect, partial, missed and spurious entities, from which
/// possible = correct + incorrect + partial + missed and
/// actual = correct + incorrect + partial + spurious.
///
/// - strict: boundaries and type must match;
/// - exact: boundaries must match, whatever the type;
/// - partial: boundaries must overlap (an overlap with other boundaries is partial),
///   whatever the type;
/// - type: the type must match and the boundaries overlap.
///
/// Precision is correct / actual and recall correct / possible; in the partial and type
/// schemas a partial counts half: (correct + 0.5 partial) / actual.
public struct PartialScores: Equatable, Sendable {
  public enum Schema: String, CaseIterable, Sendable {
    case strict, exact, partial, type
  }

  /// The counts of one schema.
  public struct Counts: Equatable, Sendable {
    public var correct = 0, incorrect = 0, partial = 0, missed = 0, spurious = 0
    public var possible: Int { correct + incorrect + partial + missed }
    public var actual: Int { correct + incorrect + partial + spurious }

    public init() {}

    /// Precision, recall and F1 in percent; a partial counts half.
    public var prf: (p: Double, r: Double, f: Double) {
      let credit = Double(correct) + 0.5 * Double(partial)
      let p = actual > 0 ? 100 * credit / Double(actual) : 0
      let r = possible > 0 ? 100 * credit / Double(possible) : 0
      let f = p + r > 0 ? 2 * p * r / (p + r) : 0
      return (p, r, f)
    }
  }

  public var strict = Counts(), exact = Counts(), partial = Counts(), type = Counts()

  public init() {}

  public subscript(_ schema: Schema) -> Counts {
    switch schema {
    case .strict: return strict
    case .exact: return exact
    case .partial: return partial
    case .type: return type
    }
  }

  /// Counts one sentence.
  public mutating func add(_ s: SentenceEntities) {
    func count(_ schema: Schema) -> Counts {
      var c = self[schema]
      let m = EntityMatching(s, schema: schema)
      for outcome in m.guesses {
        switch outcome {
        case .correct: c.correct += 1
        case .incorrect: c.incorrect += 1
        case .partial: c.partial += 1
        case .spurious: c.spurious += 1
        }
      }
      c.missed += m.missed.count
      return c
    }
    strict = count(.strict)
    exact = count(.exact)
    partial = count(.partial)
    type = count(.type)
  }

  /// The text report, after conlleval's.
  public func text() -> String {
    var out = "partial credit (MUC / SemEval-2013, as nervaluate counts it):\n"
    out += "schema    correct incorrect  partial   missed spurious possible   actual precision   recall     FB1\n"
    for schema in Schema.allCases {
      let c = self[schema]
      let m = c.prf
      out += schema.rawValue + String(repeating: " ", count: 8 - schema.rawValue.count)
      out += CFormat.format("%9d%10d%9d%9d%9d%9d%9d   %6.2f%%  %6.2f%%  %6.2f\n",
                            c.correct, c.incorrect, c.partial, c.missed, c.spurious, c.possible, c.actual, m.p, m.r, m.f)
    }
    return out
  }

  /// The JSON member `"partial":{...}` (without a leading comma).
  public func json() -> String {
    let num = ExtendedReports.number
    let schemas = Schema.allCases.map { schema -> String in
      let c = self[schema]
      let m = c.prf
      return "\"\(schema.rawValue)\":{\"correct\":\(c.correct),\"incorrect\":\(c.incorrect),\"partial\":\(c.partial),"
        + "\"missed\":\(c.missed),\"spurious\":\(c.spurious),\"possible\":\(c.possible),\"actual\":\(c.actual),"
        + "\"precision\":\(num(m.p)),\"recall\":\(num(m.r)),\"f1\":\(num(m.f))}"
    }
    return "\"partial\":{" + schemas.joined(separator: ",") + "}"
  }
}
