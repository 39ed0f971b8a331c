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
      (NFC by default) and masked as asked. Sentence ids depend only on the line's text \
      and the sentence's position in it, so sharded runs give the same bytes as one run.

      Sentences and words are broken by ICU (UAX #29, and ICU's dictionaries for Thai, \
      Lao, Khmer, Burmese, Chinese and Japanese). URLs, e-mail addresses, numbers with \
      separators (1.234,5 and 12:30) and hyphenated compounds stay one token.

      EXAMPLES:
        ner-tokenize --lang es < noticias.txt > noticias.conll
        ner-tokenize --to jsonl --lower --mask-digits < text.txt | jq -c .tokens
        ner-tokenize --pretokenized --no-metadata < tokens.txt | ner-romanize
      """,
    version: suiteVersion)

  @Argument(help: "Input files of raw text; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "Language code for ICU's sentence rules and abbreviations (es, en, de...).")
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

  @Option(help: "Threads to tokenize with (default: all cores); the output is the same for any number.")
  var threads: Int = BatchWorkers<Tokenizer>.processorCount

  @Option(help: "Output format: conll or jsonl.")
  var to: OutputFormat = .conll

  @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if to == .spans { throw ValidationError("--to spans needs tags; ner-tokenize writes conll or jsonl.") }
    if threads < 1 { throw ValidationError("--threads needs a positive number.") }
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
      // Each thread tokenizes its share of a batch of lines and writes the records to
      // bytes in memory; the main thread reads lines and writes the bytes in order.
      let workers: BatchWorkers<Worker>
      do {
        workers = try BatchWorkers(threads: threads) {
          let buffer = OutputBuffer()
          return Worker(tokenizer: try Tokenizer(options: options), buffer: buffer,
                        writer: recordWriter(to, buffer, dropMetadata: noMetadata))
        }
      } catch let e as DataError {
        throw ToolFailure(e.message, status: ExitStatus.usage)
      }
      let target = try OutputTarget(path: output)
      try target.run {
        for path in InputFile.paths(files) {
          let input = try InputFile(path: path)
          try input.located {
            var failure: DataError?
            // Lines go in batches to the threads, which decode, tokenize and write them to
            // bytes in memory; the main thread writes the bytes in input order.
            var batch: [(bytes: [UInt8], line: Int)] = []
            var done = false
            while !done {
              batch.removeAll(keepingCapacity: true)
              while batch.count < 4096 {
                guard let line = try input.lines.next() else { done = true; break }
                var bytes = line.bytes
                if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
                if !bytes.isEmpty { batch.append((Array(bytes), line.number)) }
              }
              let chunks = workers.map(batch) { worker, item -> [UInt8]? in
                let decoded = item.bytes.withUnsafeBufferPointer { b in
                  replaceInvalid ? String(decoding: b, as: UTF8.self) : UTF8Text.decode(b)
                }
                guard let text = decoded else { return nil }
                let sentences = worker.tokenizer.tokenize(line: text)
                let prefix = noMetadata || sentences.isEmpty ? "" : SentenceID.prefix(line: text)
                for (k, sentence) in sentences.enumerated() {
                  // Writing to memory cannot fail.
                  try? worker.writer.write(.sentence(record(sentence, id: "\(prefix)-\(k + 1)", line: item.line)))
                }
                return worker.buffer.take()
              }
              for (item, chunk) in zip(batch, chunks) {
                guard let chunk else {
                  failure = DataError(line: item.line, "invalid UTF-8 (use --replace-invalid to replace it with U+FFFD)")
                  done = true
                  break
                }
                try chunk.withUnsafeBufferPointer { try target.buffer.write($0) }
              }
            }
            if let failure { throw failure }
          }
        }
        try target.buffer.flush()
      }
    }
  }

  /// A thread's tokenizer and the writer that turns its sentences into bytes.
  struct Worker {
    var tokenizer: Tokenizer
    var buffer: OutputBuffer
    var writer: RecordWriter
  }

  func record(_ t: TokenizedSentence, id: String, line: Int) -> Sentence {
    var s = Sentence()
    s.line = line
    s.header = [.pair(key: "id", value: id)]
    if let lang { s.header.append(.pair(key: "lang", value: lang)) }
    s.header.append(.pair(key: "text", value: t.text))
    s.columns = [Column(key: "tokens", values: t.tokens)]
    if to == .jsonl {
      s.header.append(.json(key: "offsets", raw: "[" + t.offsets.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"))
      s.jsonKeyOrder = ["id", "lang", "text", "tokens", "offsets"]
    }
    return s
  }
}
