/// Induces a bilingual dictionary from aligned embeddings, as MUSE's `build_dictionary`
/// (`src/dico_builder.py`) does in each refinement round.
///
/// Both sides are normalized to unit length first. For each of the `maxRank` most
/// frequent source words (the first rows), the best target over the whole target
/// vocabulary by ``method`` (S2T candidates), and likewise for the `maxRank` first target
/// words (T2S); CSLS's r terms are over the whole vocabularies. As in MUSE, a candidate
/// is kept only when both its rows are at most `maxRank` (`<=`: MUSE's filter lets row
/// `maxRank` itself through), and candidates are ordered by confidence, the margin
/// between the best and second-best scores, largest first (ties: lower query row first).
/// ``Build`` then takes S2T, T2S, their intersection (MUSE's default `S2T&T2S`) or union.
public struct DictionaryInduction: Sendable {
  /// Which candidate lists make the dictionary (MUSE's `dico_build`).
  public enum Build: String, Sendable, CaseIterable {
    /// Source-to-target candidates (`S2T`).
    case sourceToTarget = "S2T"
    /// Target-to-source candidates (`T2S`).
    case targetToSource = "T2S"
    /// Pairs in both lists, mutual nearest neighbours (`S2T&T2S`).
    case mutual = "S2T&T2S"
    /// Pairs in either list (`S2T|T2S`).
    case union = "S2T|T2S"
  }

  /// An induced pair with its score (cosine or CSLS) and margin over the runner-up.
  public struct Entry: Sendable, Equatable {
    public var pair: IndexPair
    public var score: Float
    public var margin: Float
  }

  public var method: RetrievalMethod = .csls(k: 10)
  public var build: Build = .mutual
  /// Only the first `maxRank` rows of each side are queried (MUSE's `dico_max_rank`;
  /// 0 means all rows).
  public var maxRank = 15_000
  /// Candidates and CSLS's r terms are searched among the first `searchRank` rows of each
  /// side only (0: the whole vocabularies, as MUSE does). Rows past it can never enter
  /// the dictionary when `maxRank` is at most `searchRank`; a query whose best match lies
  /// past it gets its best match among the rows searched instead of being dropped. It
  /// keeps a round linear in the vocabularies' sizes: 200,000-word vocabularies searched
  /// whole take 200,000² dot products a pass.
  public var searchRank = 0
  public var threads = BatchWorkers<Void>.processorCount

  public init(method: RetrievalMethod = .csls(k: 10), build: Build = .mutual, maxRank: Int = 15_000) {
    self.method = method
    self.build = build
    self.maxRank = maxRank
  }

  /// The induced dictionary between `source` (mapped) and `target`, most confident first:
  /// S2T order for S2T, mutual and union (union: then T2S-only pairs in T2S order), T2S
  /// order for T2S. Entries of T2S origin carry T2S scores.
  public func induce(source: WordEmbeddings, target: WordEmbeddings) -> [Entry] {
    let searched = { (e: WordEmbeddings) in searchRank > 0 && e.count > searchRank ? e.prefix(searchRank) : e }
    let s = searched(source).normalized(), t = searched(target).normalized()
    let sRows = maxRank > 0 ? min(maxRank, s.count) : s.count
    let tRows = maxRank > 0 ? min(maxRank, t.count) : t.count
    let wantS2T = build != .targetToSource, wantT2S = build != .sourceToTarget
    var s2t: [Entry] = [], t2s: [Entry] = []
    switch method {
    case .nearestNeighbour:
      if wantS2T { s2t = candidates(queries: s, rows: sRows, base: t, scan: scan(), queryMean: nil) }
      if wantT2S { t2s = candidates(queries: t, rows: tRows, base: s, scan: scan(), queryMean: nil) }
    case .csls(let k):
      // Three passes: r_T of every source; r_S of every target together with the T2S
      // candidates (which need r_T); the S2T candidates (which need r_S).
      let rT = NeighbourRetrieval.meanNearestSimilarity(of: s, among: t, k: k, threads: threads)
      var pass = scan()
      pass.knn = k
      pass.penalty = rT
      pass.topRows = wantT2S ? tRows : 0
      let second = pass.run(queries: t, rows: Array(0..<t.count), base: s)
      let rS = second.meanSimilarity
      if wantT2S { t2s = entries(second, rows: tRows, queryMean: rS) }
      if wantS2T {
        var last = scan()
        last.penalty = rS
        s2t = candidates(queries: s, rows: sRows, base: t, scan: last, queryMean: rT)
      }
    }
    let limit = maxRank > 0 ? maxRank : Int.max
    s2t = s2t.filter { max($0.pair.source, $0.pair.target) <= limit }
    t2s = t2s.filter { max($0.pair.source, $0.pair.target) <= limit }
      .map { Entry(pair: IndexPair(source: $0.pair.target, target: $0.pair.source), score: $0.score, margin: $0.margin) }
    switch build {
    case .sourceToTarget: return s2t
    case .targetToSource: return t2s
    case .mutual:
      let other = Set(t2s.map(\.pair))
      return s2t.filter { other.contains($0.pair) }
    case .union:
      let seen = Set(s2t.map(\.pair))
      return s2t + t2s.filter { !seen.contains($0.pair) }
    }
  }

  private func scan() -> SimilarityScan {
    var scan = SimilarityScan()
    scan.top = 2
    scan.threads = threads
    return scan
  }

  /// Top-2 candidates for the first `rows` query rows, by confidence.
  private func candidates(queries: WordEmbeddings, rows: Int, base: WordEmbeddings, scan: SimilarityScan, queryMean: [Float]?) -> [Entry] {
    var scan = scan
    scan.top = 2
    return entries(scan.run(queries: queries, rows: Array(0..<rows), base: base), rows: rows, queryMean: queryMean)
  }

  /// Entries (query, best) from a top-2 scan, sorted by margin, largest first. With
  /// `queryMean` (CSLS), scores lose the query's r term (the margin does not change).
  private func entries(_ result: SimilarityScan.Result, rows: Int, queryMean: [Float]?) -> [Entry] {
    var list: [Entry] = []
    list.reserveCapacity(rows)
    for r in 0..<rows {
      let best = Int(result.indices[2 * r])
      guard best >= 0 else { continue }
      let first = result.scores[2 * r], second = result.scores[2 * r + 1]
      let shift = queryMean?[r] ?? 0
      list.append(Entry(pair: IndexPair(source: r, target: best), score: first - shift, margin: (first - shift) - (second - shift)))
    }
    return list.enumerated().sorted {
      $0.element.margin != $1.element.margin ? $0.element.margin > $1.element.margin : $0.offset < $1.offset
    }.map(\.element)
  }
}
