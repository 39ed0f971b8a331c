import Foundation
import Testing

@testable import NERKit

/// Produces files and timings for the scripts in `bench/` (`embeddings_reference.py`,
/// `embeddings_speed`); skipped unless their environment variables are set.
struct EmbeddingBenchmarks {
  static let environment = ProcessInfo.processInfo.environment

  static func read(_ path: String, maxVocab: Int? = nil) throws -> WordEmbeddings {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw IOFailure("cannot open \(path)") }
    defer { close(fd) }
    return try VecReader.read(fileDescriptor: fd, maxVocab: maxVocab)
  }

  static func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// `NER_EMBED_REFERENCE=DIR`: Procrustes on `en-es.train.txt`, then into DIR:
  /// `W.txt` (d rows of d values), `mapped.vec` (6 decimals), `csls.tsv` (per source row:
  /// row, CSLS-10 best target row, its score, r_T, with r_S per target in `rs.txt`) and
  /// `accuracy.txt` (precision@1/5/10 on `en-es.dev.txt`, nn and csls_knn_10).
  @Test(.enabled(if: environment["NER_EMBED_REFERENCE"] != nil))
  func reference() throws {
    let out = Self.environment["NER_EMBED_REFERENCE"]!
    let data = Self.environment["NER_EMBED_DATA"] ?? "/work/shared/data"
    let en = try Self.read("\(data)/embeddings/en.vec"), es = try Self.read("\(data)/embeddings/es.vec")
    let train = try IndexDictionary(parsing: String(contentsOfFile: "\(data)/dictionaries/en-es.train.txt", encoding: .utf8), source: en, target: es)
    let mapping = Procrustes.fit(source: en, target: es, pairs: train.pairs)
    let d = en.dimension
    try Self.write((0..<d).map { i in (0..<d).map { String(format: "%.9g", mapping.weights[i * d + $0]) }.joined(separator: " ") }.joined(separator: "\n") + "\n", to: "\(out)/W.txt")
    let mapped = mapping.apply(to: en)
    let buffer = OutputBuffer()
    try VecWriter.write(mapped, to: buffer, decimals: 6)
    try Data(buffer.take()).write(to: URL(fileURLWithPath: "\(out)/mapped.vec"))
    let retrieval = NeighbourRetrieval(source: mapped.normalized(), target: es.normalized(), method: .csls(k: 10))
    let (best, rT) = retrieval.search(Array(0..<en.count), count: 1)
    try Self.write(best.enumerated().map { "\($0.offset)\t\($0.element[0].index)\t\($0.element[0].score)\t\(rT[$0.offset])" }.joined(separator: "\n") + "\n", to: "\(out)/csls.tsv")
    try Self.write(retrieval.targetMeanSimilarity.map { "\($0)" }.joined(separator: "\n") + "\n", to: "\(out)/rs.txt")
    let dev = try IndexDictionary(parsing: String(contentsOfFile: "\(data)/dictionaries/en-es.dev.txt", encoding: .utf8), source: en, target: es)
    var report = "train pairs \(train.pairs.count) of \(train.pairsRead)\n"
    for method in [RetrievalMethod.nearestNeighbour, .csls(k: 10)] {
      let a = TranslationAccuracy.evaluate(source: mapped, target: es, dictionary: dev.pairs, method: method)
      report += "\(method) covered \(a.covered) p@1 \(a.precision(at: 1)) p@5 \(a.precision(at: 5)) p@10 \(a.precision(at: 10))\n"
    }
    let induced = DictionaryInduction().induce(source: mapped, target: es)
    report += "induced S2T&T2S csls_knn_10 pairs \(induced.count)\n"
    try Self.write(report, to: "\(out)/accuracy.txt")
    try Self.write(induced.map { "\($0.pair.source)\t\($0.pair.target)" }.joined(separator: "\n") + "\n", to: "\(out)/induced.tsv")
  }

  /// `NER_EMBED_SPEED=FILE.vec`: reads FILE (made by `bench/embeddings_speed`), then
  /// times CSLS-10 top-1 for 20,000 × 20,000 random 300-dimensional unit vectors.
  @Test(.enabled(if: environment["NER_EMBED_SPEED"] != nil))
  func speed() throws {
    let path = Self.environment["NER_EMBED_SPEED"]!
    var e: WordEmbeddings? = nil
    let load = try Self.seconds { e = try Self.read(path) }
    print("load \(path): \(e!.count) words × \(e!.dimension) in \(String(format: "%.2f", load)) s")
    let s = EmbeddingTestData.random(rows: 20000, dimension: 300, seed: 1).normalized()
    let t = EmbeddingTestData.random(rows: 20000, dimension: 300, seed: 2).normalized()
    var top: [[Neighbour]] = []
    let csls = Self.seconds {
      let retrieval = NeighbourRetrieval(source: s, target: t, method: .csls(k: 10))
      top = retrieval.nearest(Array(0..<s.count), count: 1)
    }
    print("CSLS-10 r_S, r_T and top-1, 20000 × 20000 × 300: \(String(format: "%.2f", csls)) s (first \(top[0][0]))")
    let induce = Self.seconds { _ = DictionaryInduction(maxRank: 15000).induce(source: s, target: t) }
    print("induction S2T&T2S csls_knn_10, maxRank 15000, 20000 × 20000: \(String(format: "%.2f", induce)) s")
  }
}
