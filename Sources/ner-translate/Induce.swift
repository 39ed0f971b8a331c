import ArgumentParser
import NERCLI
import NERKit

extension NERTranslate {
  struct Induce: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the bilingual dictionary that aligned embeddings imply, with scores.",
      discussion: """
        For each of the --max-rank most frequent source words, the best target word by \
        nearest neighbour or CSLS, and the same from the target side; --build keeps the \
        pairs of one direction, the pairs both agree on (mutual, MUSE's default) or all. \
        Prints 'source<TAB>target<TAB>score' lines, most confident first (largest margin \
        over the runner-up), words as the embedding files spell them. The source \
        embeddings must already be in the target space (from 'align'), or give --mapping.

        EXAMPLES:
          ner-translate induce --source-embeddings en-mapped.vec --target-embeddings es.vec > en-es.induced.tsv
          ner-translate induce --source-embeddings en.vec --mapping en-es.map --target-embeddings es.vec --method nn --build s2t | head
        """)

    @OptionGroup var embeddings: EmbeddingOptions

    @Option(help: EmbeddingOptions.mappingHelp)
    var mapping: String?

    @Option(help: ArgumentHelp("Retrieval: nn, csls or csls_knn_K.", valueName: "method"))
    var method: String = "csls"

    @Option(help: "Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).")
    var k: Int = 10

    @Option(help: ArgumentHelp("Query only the N most frequent words of each side; 0 queries all.", valueName: "N"))
    var maxRank: Int = 15_000

    @Option(help: ArgumentHelp("Which pairs to keep: s2t, t2s, mutual or union.", valueName: "build"))
    var build: BuildChoice = .mutual

    @OptionGroup var outputFile: OutputFileOption

    func validate() throws {
      if maxRank < 0 { throw ValidationError("--max-rank needs a number >= 0.") }
      if k < 1 { throw ValidationError("--k needs a positive number.") }
    }

    func run() throws {
      try ToolMain.run(tool: "ner-translate") {
        let (source, target) = try embeddings.loadBoth(mappedBy: mapping)
        let induction = DictionaryInduction(method: try retrievalMethod(method, k: k), build: build.value, maxRank: maxRank)
        let entries = induction.induce(source: source, target: target)
        let out = try outputFile.target()
        try out.run {
          for e in entries {
            try out.buffer.write("\(source.words[e.pair.source])\t\(target.words[e.pair.target])\t\(CFormat.format("%.4f", Double(e.score)))\n")
          }
        }
      }
    }
  }
}
