import ArgumentParser
import NERCLI
import NERKit

extension NERTranslate {
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Word-translation precision@1/5/10 of aligned embeddings on a test dictionary.",
      discussion: """
        For every source word of the dictionary that has a vector, the 10 best target \
        words by nearest neighbour and by CSLS; a hit at k when any of its gold \
        translations with a vector is among the first k, as MUSE's word-translation \
        evaluation counts it. Pairs with a word outside the vocabularies are left out; the \
        report says how many source words were covered.

        EXAMPLES:
          ner-translate evaluate --source-embeddings en-mapped.vec --target-embeddings es.vec --dictionary en-es.dev.txt
          ner-translate evaluate --source-embeddings en.vec --mapping en-es.map --target-embeddings es.vec --dictionary en-es.dev.txt --method csls
        """)

    @OptionGroup var embeddings: EmbeddingOptions

    @Option(help: ArgumentHelp("Test dictionary, 'source target' a line.", valueName: "file"))
    var dictionary: String

    @Option(help: EmbeddingOptions.mappingHelp)
    var mapping: String?

    @Option(help: ArgumentHelp("Normalize both spaces before the mapping, as 'align --normalize' did (the same steps: a mapping learned on normalized vectors maps normalized vectors).", valueName: "steps"))
    var normalize: String?

    @Option(help: ArgumentHelp("Retrieval: nn, csls, csls_knn_K, or all (nn and csls).", valueName: "method"))
    var method: String = "all"

    @Option(help: "Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).")
    var k: Int = 10

    func validate() throws {
      if k < 1 { throw ValidationError("--k needs a positive number.") }
      _ = try EmbeddingOptions.normalizationSteps(normalize)
    }

    func run() throws {
      try ToolMain.run(tool: "ner-translate") {
        let methods = method == "all" ? [.nearestNeighbour, .csls(k: k)] : [try retrievalMethod(method, k: k)]
        let (source, target) = try embeddings.loadBoth(mappedBy: mapping, normalizedBy: try EmbeddingOptions.normalizationSteps(normalize))
        let gold = try EmbeddingFiles.indexDictionary(dictionary, source: source, target: target)
        guard !gold.pairs.isEmpty else {
          throw ToolFailure(file: dictionary, "no pair has both words in the vocabularies", status: ExitStatus.dataError)
        }
        let out = try OutputTarget(path: nil)
        try out.run {
          for m in methods {
            let a = TranslationAccuracy.evaluate(source: source, target: target, dictionary: gold.pairs, method: m)
            let p = a.ks.map { "precision@\($0) " + CFormat.format("%.2f", a.precision(at: $0)) }.joined(separator: "  ")
            try out.buffer.write("\(m.description): \(p)  (\(a.covered) source words)\n")
          }
        }
      }
    }
  }
}
