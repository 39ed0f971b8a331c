import ArgumentParser
import NERCLI
import NERKit

extension NERTag {
  struct Features: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the attributes of every token in CRFsuite's data format.",
      discussion: """
        One line per token: the gold tag (or an empty field when the input has none), then \
        the attributes, tab-separated, with ':' and '\\' escaped as '\\:' and '\\\\'; a blank \
        line after each sentence. The features are those 'ner-tag train' would use with \
        the same options, so CRFsuite and ner-tag can be trained on identical attributes.

        EXAMPLES:
          ner-tag features es.train > es.train.crfsuite
          crfsuite learn -m es.crfsuite.model es.train.crfsuite
          ner-tag train --from crfsuite -m es.model es.train.crfsuite
        """)

    @Argument(help: ArgumentHelp("Inputs, each FILE or LANG=FILE; none or '-' reads standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(help: "Input format: auto, conll or jsonl.")
    var from: InputFormat = .auto

    @Option(help: "Language of sentences that give none.")
    var lang: String?

    @OptionGroup var features: FeatureOptions

    @Option(help: "Threads to compute features with (default: all cores); the output is the same for any number.")
    var threads: Int = BatchWorkers<Int>.processorCount

    @OptionGroup var output: OutputFileOption

    func validate() throws {
      if threads < 1 { throw ValidationError("--threads needs a positive number.") }
    }

    func run() throws {
      try ToolMain.run(tool: "ner-tag") {
        try LanguageOption.checkModelLanguage(lang)
        let featureSet = try features.featureSet()
        let workers = BatchWorkers(threads: threads) { featureSet }
        let target = try output.target()
        try target.run {
          for argument in InputFile.paths(inputs) {
            let input = LabelledInput(argument)
            let file = try InputFile(path: input.path)
            let reader = try file.recordReader(try file.detect(from))
            try file.located {
              var batch: [Sentence] = []
              var done = false
              while !done {
                batch.removeAll(keepingCapacity: true)
                while batch.count < 256 {
                  guard let record = try reader.next() else { done = true; break }
                  if case .sentence(let s) = record, s.count > 0 { batch.append(s) }
                }
                let chunks = workers.map(batch) { fs, s in
                  Result { () -> String in
                    let f = try fs.features(s, language: LanguageRule(option: lang).language(of: s, input: input.language))
                    let labels = s.tags ?? [String](repeating: "", count: s.count)
                    var text = ""
                    for (label, attributes) in zip(labels, f) { text += CRFsuiteFormat.line(label: label, attributes: attributes) + "\n" }
                    return text + "\n"
                  }
                }
                for chunk in chunks { try target.buffer.write(try chunk.get()) }
              }
            }
          }
          try target.buffer.flush()
        }
      }
    }
  }
}
