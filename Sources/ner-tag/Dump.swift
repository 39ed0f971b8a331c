import ArgumentParser
import NERCLI
import NERKit

extension NERTag {
  struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a model readably: settings, labels, transitions, heaviest features (neural: the network's sizes).",
      discussion: """
        EXAMPLES:
          ner-tag dump es.model
          ner-tag dump --top 100 es.model | grep 'w\\[0\\]='
        """)

    @Argument(help: ArgumentHelp("The model file.", valueName: "model"))
    var model: String

    @Option(help: "How many of the heaviest state features to print (by absolute weight).")
    var top: Int = 30

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// The sizes and vocabularies of a neural CRF.
    static func network(_ n: NeuralCRF) -> String {
      let c = n.configuration
      var out = "\nNETWORK\n"
      out += "  char-dim = \(c.charDim)\n  char-hidden = \(c.charHidden)\n  word-dim = \(c.wordDim)\n"
      out += "  hidden = \(c.hidden)\n  layers = \(c.layers)\n  language-dim = \(c.languageDim)\n"
      out += "  share-directions = \(c.shareDirections)\n  lower = \(c.lower)\n  mask-digits = \(c.maskDigits)\n"
      out += "  characters = \(n.characters.count)\n  shared weights = \(n.parameters.count)\n"
      for (l, v) in zip(n.languages, n.vocabularies) { out += "  vocabulary '\(l)' = \(v.count) words\n" }
      return out
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        let contents = try ModelIO.load(model)
        let target = try OutputTarget(path: output)
        try target.run {
          try target.buffer.write(ModelDump.text(contents, top: max(0, top)))
          if let n = contents.neural { try target.buffer.write(Self.network(n)) }
          try target.buffer.flush()
        }
      }
    }
  }
}
