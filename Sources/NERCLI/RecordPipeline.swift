import NERKit

/// The record loop every filter shares: read each input, transform its records a batch at
/// a time, write them in input order.
///
/// The contract:
/// - Inputs are read one after the other, each as given (`--from conll|jsonl`) or in the
///   format detected from its first non-blank byte (`--from auto`: `{` means JSONL).
/// - The writer is made when the first input's format is known: the output format asked
///   for, else the first input's format (CoNLL or JSONL). ``dropMetadata`` and
///   ``configureWriter`` set it up; ``finish()`` (which ``run(_:_:)`` calls) ends it.
/// - Records go to the transform in batches of ``batchSize`` (the last batch of an input
///   may be smaller; no batch is empty and none spans two inputs), with the input they
///   come from, its format, the output format and the position of the batch in the input.
///   The transform runs on the caller's thread; it spreads work over threads with
///   ``RecordBatch/map(on:_:)``. It returns one outcome per record to write, in order;
///   records it has nothing to do with (document starts, empty sentences) it returns as
///   they are.
/// - Outcomes are written in order until the first failure, which ends the run: a bad
///   record stops the output after the good records before it. An error reading the input
///   ends it likewise, after the records read before it have been transformed and written.
///   Bad-data and read errors carry the input's name (`FILE:LINE`).
public final class RecordPipeline {
  /// The input format (`auto` detects each input's).
  public let inputFormat: InputFormat
  /// The output format; nil: the first input's.
  public let requestedOutputFormat: OutputFormat?
  /// Records a batch.
  public var batchSize = 256
  /// Writers leave out metadata and comment lines (`--no-metadata`).
  public var dropMetadata = false
  /// Called once on the writer when it is made (e.g. to set a spans writer's keys).
  public var configureWriter: ((RecordWriter) -> Void)?
  /// Shown as batches are written, erased by ``finish()`` or a failure (see
  /// ``PipelineProgress/onTerminal(tool:)``: only when stderr is a terminal).
  public var progress: PipelineProgress?

  /// Makes the reader of each input instead of the CoNLL or JSONL reader (ner-convert's
  /// formats with character offsets, JSONL with label names).
  public var makeReader: ((InputFile) throws -> RecordReader)?
  /// A writer of a format the pipeline does not know, used instead of the output format's
  /// (ner-convert's formats with character offsets).
  public var customWriter: RecordWriter?

  private let out: OutputBuffer
  /// The writer, once the first input's format is known.
  public private(set) var writer: RecordWriter?
  /// The format ``writer`` writes, once it is made.
  public private(set) var outputFormat: OutputFormat?

  /// A pipeline reading `from`, writing `to` (nil: the first input's format) on `out`.
  public init(from inputFormat: InputFormat, to outputFormat: OutputFormat?, out: OutputBuffer) {
    self.inputFormat = inputFormat
    self.requestedOutputFormat = outputFormat
    self.out = out
  }

  /// Runs every input through `transform`, then finishes the writer.
  public func run(_ inputs: [LabelledInput], _ transform: (RecordBatch) throws -> [Result<Record, Error>]) throws {
    for input in inputs { try process(input, transform) }
    try finish()
  }

  /// Runs one input through `transform` (for callers that handle some inputs themselves;
  /// call ``finish()`` at the end).
  public func process(_ input: LabelledInput, _ transform: (RecordBatch) throws -> [Result<Record, Error>]) throws {
    do {
      try processInput(input, transform)
    } catch {
      progress?.end()
      throw error
    }
  }

  private func processInput(_ input: LabelledInput, _ transform: (RecordBatch) throws -> [Result<Record, Error>]) throws {
    let file = try InputFile(path: input.path)
    let format = try file.detect(inputFormat)
    let (writer, outputFormat) = makeWriter(format)
    let reader = try makeReader.map { try $0(file) } ?? file.recordReader(format)
    try file.located {
      var position = 0
      var readError: Error?
      while readError == nil {
        var records: [Record] = []
        records.reserveCapacity(batchSize)
        do {
          while records.count < batchSize, let record = try reader.next() { records.append(record) }
        } catch {
          readError = error
        }
        if records.isEmpty { break }
        let batch = RecordBatch(
          records: records, input: input, inputFormat: format, outputFormat: outputFormat, position: position)
        for outcome in try transform(batch) { try writer.write(try outcome.get()) }
        progress?.add(records)
        if records.count < batchSize { break }
        position += records.count
      }
      if let readError { throw readError }
    }
  }

  /// Writes what the writer keeps until the end, and flushes.
  public func finish() throws {
    progress?.end()
    try writer?.finish()
  }

  private func makeWriter(_ format: InputFormat) -> (RecordWriter, OutputFormat) {
    if let writer, let outputFormat { return (writer, outputFormat) }
    let chosen = requestedOutputFormat ?? (format == .jsonl ? .jsonl : .conll)
    let made = customWriter ?? recordWriter(chosen, out, dropMetadata: dropMetadata)
    configureWriter?(made)
    writer = made
    outputFormat = chosen
    return (made, chosen)
  }
}

/// Records of one input that a ``RecordPipeline`` hands its transform.
public struct RecordBatch {
  /// The records, in input order.
  public var records: [Record]
  /// The input they come from: its path, and its language when given as `LANG=FILE`.
  public let input: LabelledInput
  /// The input's format (as given, or detected).
  public let inputFormat: InputFormat
  /// The format the pipeline's writer writes.
  public let outputFormat: OutputFormat
  /// The position of the first record in its input: 0 for an input's first batch.
  public let position: Int

  /// `transform` applied to every record in order, on this thread; a record whose
  /// transform throws gives its failure.
  public func map(_ transform: (Record) throws -> Record) -> [Result<Record, Error>] {
    records.map { record in Result { try transform(record) } }
  }

  /// `transform` applied to every record on the workers' threads, in input order.
  public func map<Worker>(on workers: BatchWorkers<Worker>, _ transform: (Worker, Record) throws -> Record) -> [Result<Record, Error>] {
    workers.map(records) { worker, record in Result { try transform(worker, record) } }
  }

  /// The language of a sentence of this batch under `rule` (see ``LanguageRule``).
  public func language(of sentence: Sentence, _ rule: LanguageRule) -> String? {
    rule.language(of: sentence, input: input.language)
  }
}
