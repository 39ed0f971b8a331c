/// The reports conlleval.pl lacks: scores by entity length, type confusion, bootstrap
/// confidence intervals, and all figures as JSON.
public enum ExtendedReports {
  /// Counts for one bucket: gold, guessed and correct entities.
  public struct Counts: Equatable, Sendable {
    public var gold = 0, guessed = 0, correct = 0
    public var prf: (p: Double, r: Double, f: Double) { ScoreTable.prf(correct: correct, guessed: guessed, gold: gold) }
  }

  /// The length buckets of the cross-lingual papers: 1, 2 and 3 or more tokens.
  public static let lengthBuckets = ["1", "2", "3+"]

  /// Entities by length (bucket index 0, 1, 2).
  public static func byLength(_ t: ScoreTable) -> [Counts] {
    var b = [Counts](repeating: Counts(), count: 3)
    func bucket(_ s: (Int, Int, Int)) -> Int { min(s.1 - s.0, 3) - 1 }
    for s in t.goldSpans where s.1 > s.0 { b[bucket(s)].gold += 1 }
    for s in t.guessSpans where s.1 > s.0 { b[bucket(s)].guessed += 1 }
    for s in t.correctSpans where s.1 > s.0 { b[bucket(s)].correct += 1 }
    return b
  }

  /// Type confusion on spans whose boundaries match: `matrix[gold][guess]` over the
  /// type ids in `types`, plus per type the gold spans no guess matches (missed) and
  /// the guessed spans no gold matches (spurious).
  public struct Confusion: Sendable {
    public var types: [Int]
    public var matrix: [[Int]]
    public var missed: [Int]
    public var spurious: [Int]
  }

  public static func confusion(_ t: ScoreTable) -> Confusion {
    var present = Set<Int>()
    for s in t.goldSpans { present.insert(s.2) }
    for s in t.guessSpans { present.insert(s.2) }
    let types = present.sorted { t.typeNames[$0].lexicographicallyPrecedes(t.typeNames[$1]) }
    var index: [Int: Int] = [:]
    for (i, ty) in types.enumerated() { index[ty] = i }
    var matrix = [[Int]](repeating: [Int](repeating: 0, count: types.count), count: types.count)
    var missed = [Int](repeating: 0, count: types.count)
    var spurious = missed
    var guessByExtent: [Int64: [Int]] = [:]
    func key(_ a: Int, _ b: Int) -> Int64 { Int64(a) << 32 | Int64(b) }
    for s in t.guessSpans { guessByExtent[key(s.0, s.1), default: []].append(s.2) }
    var goldExtents = Set<Int64>()
    for s in t.goldSpans {
      goldExtents.insert(key(s.0, s.1))
      if let guesses = guessByExtent[key(s.0, s.1)] {
        for g in guesses { matrix[index[s.2]!][index[g]!] += 1 }
      } else {
        missed[index[s.2]!] += 1
      }
    }
    for s in t.guessSpans where !goldExtents.contains(key(s.0, s.1)) { spurious[index[s.2]!] += 1 }
    return Confusion(types: types, matrix: matrix, missed: missed, spurious: spurious)
  }

  /// A 95% confidence interval of the overall F1 by resampling sentences with
  /// replacement `samples` times (percentile method), with a seeded generator.
  public static func bootstrap(_ t: ScoreTable, samples: Int, seed: UInt64) -> (low: Double, high: Double, sentences: Int) {
    // Sentences: the runs of positions between boundaries that hold tokens.
    var starts: [Int] = []
    var previous = -1
    for b in t.boundaries + [t.positions] {
      if b > previous + 1 { starts.append(previous + 1) }
      previous = b
    }
    let n = starts.count
    guard n > 0, samples > 0 else { return (0, 0, n) }
    func sentence(_ position: Int) -> Int {
      var lo = 0, hi = n - 1
      while lo < hi {
        let mid = (lo + hi + 1) / 2
        if starts[mid] <= position { lo = mid } else { hi = mid - 1 }
      }
      return lo
    }
    var gold = [Int](repeating: 0, count: n), guessed = gold, correct = gold
    for s in t.goldSpans { gold[sentence(s.0)] += 1 }
    for s in t.guessSpans { guessed[sentence(s.0)] += 1 }
    for s in t.correctSpans { correct[sentence(s.0)] += 1 }
    var rng = SeededRandom(seed: seed)
    var scores: [Double] = []
    scores.reserveCapacity(samples)
    for _ in 0..<samples {
      var g = 0, p = 0, c = 0
      for _ in 0..<n {
        let k = Int(rng.next() % UInt64(n))
        g += gold[k]; p += guessed[k]; c += correct[k]
      }
      scores.append(ScoreTable.prf(correct: c, guessed: p, gold: g).f)
    }
    scores.sort()
    func percentile(_ q: Double) -> Double {
      let i = min(samples - 1, max(0, Int((q * Double(samples - 1)).rounded())))
      return scores[i]
    }
    return (percentile(0.025), percentile(0.975), n)
  }

  /// The text of the optional reports, after conlleval's.
  public static func text(_ t: ScoreTable, byLength: Bool, confusion: Bool, bootstrap: (Int, UInt64)?) -> [UInt8] {
    var out = ""
    if byLength {
      out += "by entity length (tokens):\n"
      for (i, c) in Self.byLength(t).enumerated() {
        let m = c.prf
        out += String(decoding: CFormat.pad(Array(("length " + lengthBuckets[i]).utf8), 17), as: UTF8.self)
        out += CFormat.format(": precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  gold %d found %d correct %d\n",
                              m.p, m.r, m.f, c.gold, c.guessed, c.correct)
      }
    }
    if confusion {
      let c = Self.confusion(t)
      let names = c.types.map { t.name($0) }
      let width = max(8, (names.map { $0.utf8.count }.max() ?? 0) + 2)
      let labelWidth = max(11, (names.map { $0.utf8.count }.max() ?? 0) + 1)
      func cell(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.utf8.count)) + s }
      func label(_ s: String) -> String { s + String(repeating: " ", count: max(0, labelWidth - s.utf8.count)) }
      out += "type confusion (rows gold, columns guessed; spans with the same boundaries):\n"
      out += label("gold\\guess") + names.map(cell).joined() + cell("missed") + "\n"
      for (i, n) in names.enumerated() {
        out += label(n) + c.matrix[i].map { cell(String($0)) }.joined() + cell(String(c.missed[i])) + "\n"
      }
      out += label("spurious") + c.spurious.map { cell(String($0)) }.joined() + "\n"
    }
    if let (samples, seed) = bootstrap {
      let b = Self.bootstrap(t, samples: samples, seed: seed)
      out += CFormat.format("bootstrap: FB1 95%% confidence interval [%.2f, %.2f] (%d samples of %d sentences, seed %llu)\n",
                            b.low, b.high, samples, b.sentences, seed)
    }
    return Array(out.utf8)
  }

  /// A JSON number rounded to four decimals, an integer without a fraction.
  static func number(_ x: Double) -> String {
    let r = (x * 10000).rounded() / 10000
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// All figures as one JSON object (percentages, as conlleval prints them).
  public static func json(_ t: ScoreTable, byLength: Bool, confusion: Bool, bootstrap: (Int, UInt64)?) -> String {
    func num(_ x: Double) -> String { number(x) }
    func prfJSON(_ m: (p: Double, r: Double, f: Double)) -> String {
      "\"precision\":\(num(m.p)),\"recall\":\(num(m.r)),\"f1\":\(num(m.f))"
    }
    let o = t.overall
    var s = "{\"tokens\":\(t.tokens),\"phrases\":\(t.foundCorrect),\"found\":\(t.foundGuessed),\"correct\":\(t.correctChunks),"
    s += "\"accuracy\":\(num(t.accuracy)),\(prfJSON(o)),\"types\":{"
    var seen = Set<Int>()
    var macro = (p: 0.0, r: 0.0, f: 0.0)
    var rows: [ScoreTable.TypeRow] = []
    for row in t.listing where seen.insert(row.type).inserted { rows.append(row) }
    for (i, row) in rows.enumerated() {
      let m = ScoreTable.prf(correct: row.correct, guessed: row.guessed, gold: row.gold)
      macro.p += m.p; macro.r += m.r; macro.f += m.f
      if i > 0 { s += "," }
      s += JSONText.quote(t.name(row.type))
      s += ":{\(prfJSON(m)),\"gold\":\(row.gold),\"found\":\(row.guessed),\"correct\":\(row.correct)}"
    }
    let k = Double(max(rows.count, 1))
    s += "},\"micro\":{\(prfJSON(o))},\"macro\":{\(prfJSON((macro.p / k, macro.r / k, macro.f / k)))}"
    if byLength {
      s += ",\"by_length\":{"
      for (i, c) in Self.byLength(t).enumerated() {
        if i > 0 { s += "," }
        s += "\"\(lengthBuckets[i])\":{\(prfJSON(c.prf)),\"gold\":\(c.gold),\"found\":\(c.guessed),\"correct\":\(c.correct)}"
      }
      s += "}"
    }
    if confusion {
      let c = Self.confusion(t)
      s += ",\"confusion\":{\"types\":" + JSONText.array(c.types.map { t.name($0) })
      s += ",\"matrix\":[" + c.matrix.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
      s += ",\"missed\":[" + c.missed.map(String.init).joined(separator: ",") + "]"
      s += ",\"spurious\":[" + c.spurious.map(String.init).joined(separator: ",") + "]}"
    }
    if let (samples, seed) = bootstrap {
      let b = Self.bootstrap(t, samples: samples, seed: seed)
      s += ",\"bootstrap\":{\"samples\":\(samples),\"seed\":\(seed),\"sentences\":\(b.sentences),\"f1_low\":\(num(b.low)),\"f1_high\":\(num(b.high))}"
    }
    if t.invalidSentences > 0 { s += ",\"invalid_sentences\":\(t.invalidSentences)" }
    s += "}\n"
    return s
  }
}
