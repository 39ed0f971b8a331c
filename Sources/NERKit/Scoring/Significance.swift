/// Paired significance of the F1 difference of two systems A and B scored on the same
/// sentences against the same gold, by paired bootstrap and by approximate
/// randomization (as sigf does), from per-sentence counts.
///
/// F1 is conlleval's (``ScoreTable/prf(correct:guessed:gold:)``) over the summed counts;
/// δ = F1(A) − F1(B) on all sentences.
///
/// - Approximate randomization: in each sample, each sentence's A and B counts are
///   swapped when the generator's next number has its top bit set; a sample counts when
///   |δ'| ≥ |δ|.
/// - Paired bootstrap: each sample draws n sentences with replacement
///   (`next() % n`); a sample counts when |δ* − δ| ≥ |δ| (the two-sided test of the
///   bootstrap distribution shifted to the null, as Berg-Kirkpatrick et al. 2012).
///
/// Both p-values are (count + 1) / (samples + 1); each test uses its own
/// `SeededRandom(seed:)`, so `bench/significance_reference.py` draws the same samples.
public struct Significance: Sendable {
  /// Per sentence: gold entities, and A's and B's guessed and correct ones.
  public struct SentenceCounts: Equatable, Sendable {
    public var gold: Int, guessA: Int, correctA: Int, guessB: Int, correctB: Int
    public init(gold: Int, guessA: Int, correctA: Int, guessB: Int, correctB: Int) {
      self.gold = gold
      self.guessA = guessA
      self.correctA = correctA
      self.guessB = guessB
      self.correctB = correctB
    }
  }

  public var f1A: Double, f1B: Double
  public var sentences: Int, samples: Int, seed: UInt64
  /// Samples at least as extreme as the observed difference.
  public var bootstrapCount: Int, randomizationCount: Int

  public var difference: Double { f1A - f1B }
  public var bootstrapP: Double { Double(bootstrapCount + 1) / Double(samples + 1) }
  public var randomizationP: Double { Double(randomizationCount + 1) / Double(samples + 1) }

  public init(_ counts: [SentenceCounts], samples: Int, seed: UInt64) {
    let n = counts.count
    func f1(_ c: Int, _ p: Int, _ g: Int) -> Double { ScoreTable.prf(correct: c, guessed: p, gold: g).f }
    var g = 0, pa = 0, ca = 0, pb = 0, cb = 0
    for s in counts { g += s.gold; pa += s.guessA; ca += s.correctA; pb += s.guessB; cb += s.correctB }
    f1A = f1(ca, pa, g)
    f1B = f1(cb, pb, g)
    let delta = f1A - f1B
    self.sentences = n
    self.samples = samples
    self.seed = seed
    var rng = SeededRandom(seed: seed)
    var extreme = 0
    for _ in 0..<(n > 0 ? samples : 0) {
      var sg = 0, spa = 0, sca = 0, spb = 0, scb = 0
      for _ in 0..<n {
        let s = counts[Int(rng.next() % UInt64(n))]
        sg += s.gold; spa += s.guessA; sca += s.correctA; spb += s.guessB; scb += s.correctB
      }
      if abs(f1(sca, spa, sg) - f1(scb, spb, sg) - delta) >= abs(delta) { extreme += 1 }
    }
    bootstrapCount = n > 0 ? extreme : samples
    rng = SeededRandom(seed: seed)
    extreme = 0
    for _ in 0..<samples {
      var spa = 0, sca = 0, spb = 0, scb = 0
      for s in counts {
        if rng.next() >> 63 == 1 {
          spa += s.guessB; sca += s.correctB; spb += s.guessA; scb += s.correctA
        } else {
          spa += s.guessA; sca += s.correctA; spb += s.guessB; scb += s.correctB
        }
      }
      if abs(f1(sca, spa, g) - f1(scb, spb, g)) >= abs(delta) { extreme += 1 }
    }
    randomizationCount = extreme
  }

  /// The text report: both systems' F1, the difference and both p-values.
  public func text(nameA: String, nameB: String) -> String {
    var out = "A: \(nameA) " + CFormat.format("FB1 %.2f\n", f1A) + "B: \(nameB) " + CFormat.format("FB1 %.2f\n", f1B)
    out += CFormat.format("difference (A - B): %.2f FB1 on %d sentences\n", difference, sentences)
    out += CFormat.format("paired bootstrap: p = %.6f (%d samples, seed %llu, %d as extreme)\n",
                          bootstrapP, samples, seed, bootstrapCount)
    out += CFormat.format("approximate randomization: p = %.6f (%d samples, seed %llu, %d as extreme)\n",
                          randomizationP, samples, seed, randomizationCount)
    return out
  }

  /// The JSON report, one object.
  public func json(nameA: String, nameB: String) -> String {
    let num = ExtendedReports.number
    return "{\"a\":{\"file\":\(JSONText.quote(nameA)),\"f1\":\(num(f1A))},\"b\":{\"file\":\(JSONText.quote(nameB)),\"f1\":\(num(f1B))},"
      + "\"difference\":\(num(difference)),\"sentences\":\(sentences),\"samples\":\(samples),\"seed\":\(seed),"
      + "\"bootstrap\":{\"p\":\(String(bootstrapP)),\"as_extreme\":\(bootstrapCount)},"
      + "\"randomization\":{\"p\":\(String(randomizationP)),\"as_extreme\":\(randomizationCount)}}\n"
  }
}
