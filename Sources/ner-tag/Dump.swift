import ArgumentParser
import NERCLI
import NERKit

extension NERTag {
  struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a model readably: kind, settings, labels, transitions, heaviest features (neural: sizes and weights).",
      discussion: """
        EXAMPLES:
          ner-tag dump es.model
          ner-tag dump --top 100 es.model | grep 'w\\[0\\]='
        """)

    @Argument(help: ArgumentHelp("The model file.", valueName: "model"))
    var model: String

    @Option(help: "How many of the heaviest state features to print (by absolute weight).")
    var top: Int = 30

    @OptionGroup var output: OutputFileOption

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        let contents = try ModelIO.load(model)
        let target = try output.target()
        try target.run {
          try target.buffer.write(ModelDump.text(contents, top: max(0, top)))
          try target.buffer.flush()
        }
      }
    }
  }
}
