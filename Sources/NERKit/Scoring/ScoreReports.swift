/// The text reports of ner-score, as bytes (type names are bytes, as in conlleval.pl).
public enum ScoreReports {
  /// conlleval.pl's default report, byte for byte.
  public static func conlleval(_ t: ScoreTable) -> [UInt8] {
    var out: [UInt8] = []
    func put(_ s: String) { out.append(contentsOf: s.utf8) }
    put("processed \(t.tokens) tokens with \(t.foundCorrect) phrases; found: \(t.foundGuessed) phrases; correct: \(t.correctChunks).\n")
    if t.tokens > 0 {
      let o = t.overall
      put(CFormat.format("accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", t.accuracy, o.p, o.r, o.f))
    }
    for row in t.listing {
      let m = ScoreTable.prf(correct: row.correct, guessed: row.guessed, gold: row.gold)
      out.append(contentsOf: CFormat.pad(t.typeNames[row.type], 17))
      put(CFormat.format(": precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", m.p, m.r, m.f, row.guessed))
    }
    return out
  }

  /// conlleval.pl's `-l` (LaTeX) report, byte for byte.
  public static func latex(_ t: ScoreTable) -> [UInt8] {
    var out: [UInt8] = []
    func put(_ s: String) { out.append(contentsOf: s.utf8) }
    put("        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline")
    for row in t.listing {
      let m = ScoreTable.prf(correct: row.correct, guessed: row.guessed, gold: row.gold)
      put("\n")
      out.append(contentsOf: CFormat.pad(t.typeNames[row.type], 7, left: true))
      put(CFormat.format(" &  %6.2f\\%% & %6.2f\\%% & %6.2f \\\\", m.p, m.r, m.f))
    }
    put("\\hline\n")
    let o = t.overall
    put(CFormat.format("Overall &  %6.2f\\%% & %6.2f\\%% & %6.2f \\\\\\hline\n", o.p, o.r, o.f))
    return out
  }
}
