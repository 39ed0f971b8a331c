import ArgumentParser
import NERCLI
import NERKit

@main
struct NERConvert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-convert",
    abstract: "Convert NER corpora between formats (CoNLL, JSONL, spans; doccano, Label Studio, spaCy, brat) and tag schemes.",
    discussion: """
      Reads CoNLL or JSONL (detected from the first non-blank byte: '{' means JSONL) and \
      writes CoNLL, JSONL or one entity per line (spans). Everything the conversion does \
      not own passes through: columns, '# key = value' metadata and comments, \
      -DOCSTART- lines, separators, CR LF line ends and blank lines, so CoNLL to JSONL \
      and back gives the same bytes.

      Formats with character offsets: '--from doccano' (JSONL, {"id": 1, "text": "...", "label": [[start, end, "TYPE"]]}; also "entities" objects with start_offset, end_offset, label), '--from label-studio' (Label Studio's JSON export, an array of tasks read one at a time: data.text and the first annotation not cancelled, results with value.start, value.end, value.labels), '--from spacy' (spaCy's training JSON, [[text, {"entities": [[start, end, "TYPE"]]}]]) and '--from brat' (standoff: each argument a NAME.txt with NAME.ann beside it, an .ann file, or a folder of them; T lines). Offsets count Unicode code points, as Python does (an emoji is one character, CR LF two). Each document is cut into sentences and tokens by ner-tokenize's tokenizer ('--lang', '--no-split', '--split-hyphens', '--pretokenized'; tokens are not normalized) and its spans become tags (IOB2, or '--scheme'). Every sentence gets 'id' (DOC-N), 'doc', 'doc_offset' (where its text starts in the document), 'doc_space' and 'doc_tail' (the whitespace around it, escaped, when not plain spaces), 'text' and 'offsets' (each token's start and end in 'text'), so that writing a format with offsets puts the document back together: doccano to CoNLL and back gives the same text and spans. A span that does not start and end on token boundaries, an empty one, a discontinuous one (brat), one across sentences or one overlapping another (the one that starts first, or the longer, is kept) is reported with its document and offsets: '--misaligned error' (the default) stops there, 'expand' widens it to the tokens it touches, 'drop' leaves it out, both with a warning on standard error; a span that cannot be widened is dropped.

      '--to doccano', 'label-studio', 'spacy' or 'brat' write documents: consecutive sentences with the same 'doc' make one (a sentence without 'doc' is its own, named by its 'id'), each sentence placed at its 'doc_offset', tokens at their 'offsets', or else found in order in 'text' (as ner-tokenize writes it); a sentence with neither is an error, unless '--join-tokens'. Spans come from the gold tags, or from 'pred' (ner-tag's) when there are none. '--to brat' writes NAME.txt and NAME.ann into the folder given by '-o'. '--to spans' adds each entity's start and end in characters when the sentence has offsets: in its document when it has 'doc_offset', else in its 'text'.

      Hugging Face datasets with integer 'ner_tags' (or 'tags'): '--label-names O,B-PER,I-PER,...' (or a file with one name a line; the dataset's features['ner_tags'].feature.names) names them, 0 the first.

      '--scheme' rewrites the tag column (and 'pred') in IOB1, IOB2, IOBES, BILOU or IO. Input tags of any scheme are read leniently, the way conlleval.pl reads them (an 'I-' after 'O' or after another type opens an entity), so converting CoNLL-2003's IOB1 to IOB2 gives exactly the entities conlleval finds. '--input-scheme S --strict' instead rejects input that is invalid in S, naming the line of the first invalid transition. Types may contain hyphens ('B-ORG-GOV'). IO is lossy (adjacent entities of one type merge).

      EXAMPLES:
        ner-convert --to jsonl train.conll > train.jsonl
        ner-convert --scheme iob2 < eng.train > eng.iob2
        ner-convert --to spans dev.conll | cut -f4 | sort | uniq -c
        ner-convert --input-scheme iobes --strict --to conll pred.conll > /dev/null
        ner-convert --from doccano --lang es --to conll admin.jsonl > admin.conll
        ner-convert --from brat --to doccano *.ann > corpus.jsonl
        ner-tokenize --lang es --to jsonl < noticias.txt | ner-tag -m es.model | ner-convert --to label-studio > tasks.json
      """,
    version: versionLine("ner-convert"))

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "Input format: auto (CoNLL or JSONL, from the first non-blank byte), conll, jsonl, doccano, label-studio, spacy or brat.")
  var from: ConvertInput = .auto

  @Option(help: "Output format: conll, jsonl, spans, doccano, label-studio, spacy or brat (default: the input's format).")
  var to: ConvertOutput?

  @Option(help: "Language code for the tokenizer's sentence rules, reading a format with offsets (as ner-tokenize --lang).")
  var lang: String?

  @Flag(help: "Reading a format with offsets: keep each line of a document one sentence.")
  var noSplit = false

  @Flag(help: "Reading a format with offsets: split hyphenated compounds (Jean-Pierre) into words and hyphens.")
  var splitHyphens = false

  @Flag(help: "Reading a format with offsets: split lines on spaces and tabs only, one sentence a line.")
  var pretokenized = false

  @Option(help: "A span that is not on token boundaries, empty, discontinuous, across sentences or overlapping another: error (stop), expand (widen it to its tokens) or drop; both with a warning (default: error).")
  var misaligned: MisalignedPolicy?

  @Option(help: "Names of integer tags in JSONL ('ner_tags' of Hugging Face datasets), 0 first: O,B-PER,I-PER,... or a file with one name a line.")
  var labelNames: String?

  @Flag(help: "Writing a format with offsets: a sentence with no 'text' gets its tokens joined by spaces.")
  var joinTokens = false

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
    try LanguageOption.check(lang, known: LanguageCodes.iso639_1)
    if !from.hasOffsets && (lang != nil || noSplit || splitHyphens || pretokenized || misaligned != nil) {
      throw ValidationError("--lang, --no-split, --split-hyphens, --pretokenized and --misaligned are for reading a format with offsets (--from doccano, label-studio, spacy or brat).")
    }
    if pretokenized && (noSplit || splitHyphens) {
      throw ValidationError("--pretokenized keeps lines as sentences and tokens as given; drop --no-split and --split-hyphens.")
    }
    if labelNames != nil && from.hasOffsets {
      throw ValidationError("--label-names names the integer tags of JSONL input; --from \(from.rawValue) has none.")
    }
    if joinTokens && !(output?.hasOffsets ?? false) {
      throw ValidationError("--join-tokens is for writing a format with offsets (--to doccano, label-studio, spacy or brat).")
    }
  }

  /// The output format: as asked, or the input's when it has offsets (else the pipeline's default).
  var output: ConvertOutput? { to ?? ConvertOutput(from) }

  func run() throws {
    try ToolMain.run(tool: "ner-convert") {
      let target = output == .brat ? try OutputTarget(path: nil) : try outputFile.target()
      let pipeline = RecordPipeline(from: from.pipelineFormat, to: output?.recordFormat ?? (output == nil ? nil : .jsonl), out: target.buffer)
      pipeline.dropMetadata = noMetadata
      pipeline.configureWriter = { ($0 as? SpansWriter)?.characterOffsets = true }
      if let output, let writer = try offsetWriter(output, target.buffer, directory: outputFile.output) {
        writer.joinTokens = joinTokens
        pipeline.customWriter = writer
      }
      if from.hasOffsets {
        let reading = OffsetReading(format: from, options: tokenizerOptions, policy: misaligned ?? .error)
        pipeline.makeReader = reading.reader
      } else if let labelNames {
        let names = try OffsetReading.labelNames(labelNames)
        pipeline.makeReader = { file in
          try file.detect(from.pipelineFormat) == .jsonl ? JSONLReader(lines: file.lines, labelNames: names) : file.recordReader(.conll)
        }
      }
      let inputs = from == .brat ? try BratFiles.textFiles(files.isEmpty ? ["-"] : files).map { LabelledInput(path: $0) } : LabelledInput.files(files)
      try target.run {
        try pipeline.run(inputs) { batch in batch.map(transform) }
      }
    }
  }

  /// The tokenizer's options for reading a format with offsets: tokens as they stand in the text.
  var tokenizerOptions: TokenizerOptions {
    var options = TokenizerOptions()
    options.language = lang
    options.splitSentences = !noSplit
    options.splitHyphens = splitHyphens
    options.pretokenized = pretokenized
    options.normalization = nil
    return options
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
