import ArgumentParser
import NERCLI
import NERKit

@main
struct NERConvert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-convert",
    abstract: "Convert NER corpora between formats (CoNLL, JSONL, spans) and tag schemes.",
    discussion: """
      Reads CoNLL or JSONL (detected from the first non-blank byte: '{' means JSONL) and \
      writes CoNLL, JSONL or one entity per line (spans). Everything the conversion does \
      not own passes through: columns, '# key = value' metadata and comments, \
      -DOCSTART- lines, separators, CR LF line ends and blank lines, so CoNLL to JSONL \
      and back gives the same bytes.

      '--scheme' rewrites the tag column (and 'pred') in IOB1, IOB2, IOBES, BILOU or IO. Input tags of any scheme are read leniently, the way conlleval.pl reads them (an 'I-' after 'O' or after another type opens an entity), so converting CoNLL-2003's IOB1 to IOB2 gives exactly the entities conlleval finds. '--input-scheme S --strict' instead rejects input that is invalid in S, naming the line of the first invalid transition. Types may contain hyphens ('B-ORG-GOV'). IO is lossy (adjacent entities of one type merge).

      EXAMPLES:
        ner-convert --to jsonl train.conll > train.jsonl
        ner-convert --scheme iob2 < eng.train > eng.iob2
        ner-convert --to spans dev.conll | cut -f4 | sort | uniq -c
        ner-convert --input-scheme iobes --strict --to conll pred.conll > /dev/null
      """,
    version: versionLine("ner-convert"))

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @OptionGroup var inputFormat: InputFormatOption

  @Option(help: "Output format: conll, jsonl or spans (default: the input's format).")
  var to: OutputFormat?

  @Option(help: "Rewrite the tag column (and any 'pred' column) in this scheme: iob1, iob2, iobes, bilou or io.")
  var scheme: TagScheme?

  @Option(help: "The scheme of the input tags, for --strict (default: read any scheme leniently, as conlleval.pl does).")
  var inputScheme: TagScheme?

  @Flag(help: "Reject input tags that are invalid in --input-scheme, naming the line of the first invalid transition.")
  var strict = false

  @Option(help: "Normalize tokens to this Unicode form: nfc, nfd, nfkc or nfkd.")
  var normalize: NormalizationForm?

  @Flag(help: "Drop metadata and comment lines ('# ...' in CoNLL, id/text/... fields in JSONL).")
  var noMetadata = false

  @OptionGroup var outputFile: OutputFileOption

  func validate() throws {
    if strict && inputScheme == nil {
      throw ValidationError("--strict needs --input-scheme to say which scheme the input must follow.")
    }
  }

  func run() throws {
    try ToolMain.run(tool: "ner-convert") {
      let target = try outputFile.target()
      let pipeline = RecordPipeline(from: inputFormat.from, to: to, out: target.buffer)
      pipeline.dropMetadata = noMetadata
      try target.run {
        try pipeline.run(LabelledInput.files(files)) { batch in batch.map(transform) }
      }
    }
  }

  func transform(_ record: Record) throws -> Record {
    guard case .sentence(var s) = record else { return record }
    if let form = normalize, s.count > 0 {
      s.tokens = s.tokens.map(form.apply)
    }
    if let scheme, s.count > 0 {
      guard let tagColumn = s.tagColumn else {
        let values = s.columns.count > 1 ? s.columns[s.columns.count - 1].values : []
        if let bad = values.firstIndex(where: { !Tag.isTag($0) }) {
          throw DataError(
            line: s.lineOfToken(bad),
            "no tag column to convert: the last column holds '\(values[bad])', which is not a tag")
        }
        throw DataError(line: s.line, "no tag column to convert")
      }
      try TagColumn.convert(&s, column: tagColumn, to: scheme, strictInput: strict ? inputScheme : nil)
      if let pred = s.columnIndex("pred"), pred != tagColumn {
        try TagColumn.convert(&s, column: pred, to: scheme, strictInput: strict ? inputScheme : nil)
      }
    } else if strict, let input = inputScheme, let tagColumn = s.tagColumn {
      var copy = s
      try TagColumn.convert(&copy, column: tagColumn, to: input, strictInput: input)
    }
    return .sentence(s)
  }
}
