import ArgumentParser
import NERCLI
import NERKit

@main
struct NERTokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-tokenize",
    abstract: "Break raw text into sentences and tokens with ICU, writing CoNLL or JSONL.",
    discussion: """
      Reads UTF-8 text, one document or paragraph per line (blank lines are skipped), and \
      writes one token per line with '# id' and '# text' metadata before each sentence \
      (CoNLL), or one sentence per line with 'offsets' into 'text' in Unicode scalars \
      (JSONL). 'text' is the sentence exactly as in the input; tokens are normalized \
      (NFC by default) and masked as asked. Sentence ids depend only on the line's text, \
      the sentence's position in it and, for a line seen before in the file, its \
      occurrence, so they are unique in a file and sharded runs of distinct lines give the \
      same bytes as one run.

      Sentences and words are broken by ICU (UAX #29, and ICU's dictionaries for Thai, \
      Lao, Khmer, Burmese, Chinese and Japanese). URLs, e-mail addresses, numbers with \
      separators (1.234,5 and 12:30) and hyphenated compounds stay one token.

      Raw UTF-8 text, one document or paragraph per line (blank lines skipped), to sentences of tokens: CoNLL with '# id' and '# text' before each sentence (and '# lang' with '--lang'), or JSONL with 'offsets', pairs of Unicode scalar offsets into 'text'. 'text' is the sentence exactly as in the input; tokens are NFC by default. Sentences come from ICU's sentence break iterator with the locale's abbreviation suppression ('--lang'); words from ICU's word break iterator (UAX #29, with ICU's dictionaries for Thai, Lao, Khmer, Burmese, Chinese, Japanese): spaces dropped, punctuation as tokens, grapheme clusters and Indic conjuncts never split. On top of ICU: URLs and e-mail addresses stay one token (and no sentence ends inside them), numbers with separators ('1.234,5', '12:30', '70%') stay one token, 'Jean-Pierre' stays one token ('--split-hyphens' splits it), '...' is one token, and an abbreviation keeps its period ('Sr.', 'EE.UU.'; with '--no-split', initials such as 'D.'). '--mask-urls' writes 'url', 'email' and 'num'. Sentence ids are 'HASH-N': the first 12 hex digits of the FNV-1a hash of the line and the sentence's number in it, so sharded runs give the same bytes as one run. Lines go to all cores in batches and come out in input order. Invalid UTF-8 stops with its line number (exit 65) unless '--replace-invalid'.

      EXAMPLES:
        ner-tokenize --lang es < noticias.txt > noticias.conll
        ner-tokenize --to jsonl --lower --mask-digits < text.txt | jq -c .tokens
        ner-tokenize --pretokenized --no-metadata < tokens.txt | ner-romanize
      """,
    version: versionLine("ner-tokenize"))

  @Argument(help: "Input files of raw text; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "Language code for ICU's sentence rules and abbreviations (ISO 639-1: es, en, de...).")
  var lang: String?

  @Flag(help: "Keep each input line as one sentence.")
  var noSplit = false

  @Flag(help: "Split hyphenated compounds (Jean-Pierre) into words and hyphens.")
  var splitHyphens = false

  @Flag(help: "Input is already tokenized: split lines on whitespace only, one sentence per line.")
  var pretokenized = false

  @Option(help: "Unicode normalization of the tokens: nfc, nfkc, nfd or nfkd ('text' is never changed).")
  var normalize: NormalizationForm = .nfc

  @Flag(help: "Lowercase the tokens.")
  var lower = false

  @Flag(help: "Replace every decimal digit of the tokens with 0.")
  var maskDigits = false

  @Flag(help: "Replace URLs with 'url', e-mail addresses with 'email' and numbers with 'num'.")
  var maskUrls = false

  @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of stopping.")
  var replaceInvalid = false

  @Flag(help: "Write no '# id' and '# text' lines (CoNLL) or fields (JSONL).")
  var noMetadata = false

  @OptionGroup var threading: ThreadsOption<TokenizeThreads>

  @Option(help: "Output format: conll or jsonl.")
  var to: CorpusFormat = .conll

  @OptionGroup var outputFile: OutputFileOption

  func validate() throws {
    try LanguageOption.check(lang, known: LanguageCodes.iso639_1)
    if pretokenized && (noSplit || splitHyphens) {
      throw ValidationError("--pretokenized keeps lines as sentences and tokens as given; drop --no-split and --split-hyphens.")
    }
  }

  func run() throws {
    try ToolMain.run(tool: "ner-tokenize") {
      var options = TokenizerOptions()
      options.language = lang
      options.splitSentences = !noSplit
      options.splitHyphens = splitHyphens
      options.pretokenized = pretokenized
      options.normalization = normalize
      options.lowercase = lower
      options.maskDigits = maskDigits
      options.maskURLs = maskUrls
      let writer = TokenizedLineWriter(format: to == .jsonl ? .jsonl : .conll, options: options, metadata: !noMetadata)
      let workers: BatchWorkers<TokenizeWorker>
      do {
        workers = try BatchWorkers(threads: threading.threads) {
          TokenizeWorker(tokenizer: try Tokenizer(options: options), writer: writer, replaceInvalid: replaceInvalid)
        }
      } catch let e as DataError {
        throw ToolFailure(e.message, status: ExitStatus.usage)
      }
      let target = try outputFile.target()
      try target.run {
        for path in InputFile.paths(files) {
          let input = try InputFile(path: path)
          try input.located { try tokenize(input.lines, workers, target.buffer) }
        }
        try target.buffer.flush()
      }
    }
  }

  /// Bytes of input read before the threads go to work on them.
  static let batchBytes = 1 << 17

  /// Tokenizes the lines of one input: batches of whole lines are cut into chunks that the
  /// threads tokenize and write to bytes in memory; the main thread writes the bytes in
  /// input order.
  func tokenize(_ lines: LineReader, _ workers: BatchWorkers<TokenizeWorker>, _ out: OutputBuffer) throws {
    var batch: [UInt8] = []
    var firstLine = 1  // the number of the batch's first line
    var occurrences = LineOccurrences(replaceInvalid: replaceInvalid)
    var done = false
    while !done {
      batch.removeAll(keepingCapacity: true)
      while batch.count < Self.batchBytes {
        guard let block = try lines.nextBlock() else { done = true; break }
        batch.append(contentsOf: block)
      }
      let chunks = TokenizeWorker.chunks(of: batch, count: 4 * workers.threads)
      let lineOccurrences = batch.withUnsafeBufferPointer { occurrences.count($0) }
      // The chunks with the index of their first line.
      var firstLines: [Int] = []
      var index = 0
      var offset = 0
      for chunk in chunks {
        index += batch[offset..<chunk.lowerBound].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        offset = chunk.lowerBound
        firstLines.append(index)
      }
      let results = batch.withUnsafeBufferPointer { bytes in
        workers.map(Array(zip(chunks, firstLines))) { worker, job in
          worker.run(UnsafeBufferPointer(rebasing: bytes[job.0]), occurrences: lineOccurrences[job.1...])
        }
      }
      for result in results {
        try result.output.withUnsafeBufferPointer { try out.write($0) }
        if let invalid = result.invalidLine {
          throw DataError(line: firstLine + invalid, "invalid UTF-8 (use --replace-invalid to replace it with U+FFFD)")
        }
        firstLine += result.lines
      }
    }
  }
}

/// The help of ner-tokenize's `--threads`.
enum TokenizeThreads: ThreadsHelp {
  static let help = "Threads to tokenize with (default: all cores); the output is the same for any number."
}
