import ArgumentParser
import NERCLI
import NERKit

#if canImport(Glibc)
import Glibc
#endif

extension MisalignedPolicy: ExpressibleByArgument {}

/// ner-convert's input formats: CoNLL and JSONL, and the formats with character offsets.
enum ConvertInput: String, CaseIterable, ExpressibleByArgument {
  case auto, conll, jsonl, doccano
  case labelStudio = "label-studio"
  case spacy, brat

  /// Whether documents with character offsets are read (and tokenized).
  var hasOffsets: Bool { ![.auto, .conll, .jsonl].contains(self) }

  /// The format the record pipeline sees: CoNLL or JSONL as given, JSONL (no detection)
  /// for the others, whose readers ``OffsetReading`` makes.
  var pipelineFormat: InputFormat { self == .auto ? .auto : self == .conll ? .conll : .jsonl }
}

/// ner-convert's output formats.
enum ConvertOutput: String, CaseIterable, ExpressibleByArgument {
  case conll, jsonl, spans, doccano
  case labelStudio = "label-studio"
  case spacy, brat

  /// Whether documents with character offsets are written.
  var hasOffsets: Bool { ![.conll, .jsonl, .spans].contains(self) }

  /// The record writer's format, for CoNLL, JSONL and spans.
  var recordFormat: OutputFormat? { OutputFormat(rawValue: rawValue) }

  /// The output of an input format with offsets when none is asked for: the same format,
  /// but CoNLL for brat (which needs a folder).
  init?(_ input: ConvertInput) {
    guard input.hasOffsets else { return nil }
    self.init(rawValue: input == .brat ? "conll" : input.rawValue)
  }
}

/// Reading a format with character offsets: the documents of an input tokenized into
/// sentences with their spans as tags.
struct OffsetReading {
  let format: ConvertInput
  let options: TokenizerOptions
  let policy: MisalignedPolicy
  /// One tokenizer for all inputs, made on first use (inputs are read on one thread).
  private let tokenizer: () throws -> Tokenizer

  init(format: ConvertInput, options: TokenizerOptions, policy: MisalignedPolicy) {
    self.format = format
    self.options = options
    self.policy = policy
    var made: Tokenizer?
    tokenizer = {
      if let made { return made }
      do { made = try Tokenizer(options: options) } catch let e as DataError { throw ToolFailure(e.message, status: ExitStatus.usage) }
      return made!
    }
  }

  /// The reader of `file` in ``format``.
  func reader(_ file: InputFile) throws -> RecordReader {
    let name = file.name
    let alignment = SpanAlignment(policy: policy) { e in
      Diagnostics.warning(tool: "ner-convert", file: e.file ?? name, line: e.line, e.message)
    }
    let source: DocumentSource
    switch format {
    case .doccano: source = DoccanoReader(lines: file.lines)
    case .labelStudio: source = LabelStudioReader.documents(file.lines)
    case .spacy: source = SpacyReader.documents(file.lines)
    default: source = try BratFiles.source(file)
    }
    return OffsetDocumentReader(source, tokenizer: try tokenizer(), alignment: alignment)
  }

  /// The names of integer tags given to `--label-names`: a file with one name a line when
  /// one is there by that name, else names separated by commas.
  static func labelNames(_ value: String) throws -> [String] {
    var names: [String]
    if access(value, R_OK) == 0 {
      let file = try InputFile(path: value)
      names = try file.located { try file.lines.readAllText() }.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
      names = names.map { $0.trimmingSuffix(" ") }.filter { !$0.isEmpty }
    } else {
      names = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    if let bad = names.first(where: { !Tag.isTag($0) }) {
      throw ToolFailure("--label-names: '\(bad)' is not a tag (O, B-PER, I-PER...)", status: ExitStatus.usage)
    }
    return names
  }
}

extension String {
  fileprivate func trimmingSuffix(_ c: Character) -> String {
    var s = self
    while s.last == c || s.last == "\t" { s.removeLast() }
    return s
  }
}

/// The writer of a format with character offsets.
func offsetWriter(_ format: ConvertOutput, _ out: OutputBuffer, directory: String?) throws -> OffsetDocumentWriter? {
  switch format {
  case .doccano: return OffsetDocumentWriter(DoccanoWriter(out))
  case .labelStudio: return OffsetDocumentWriter(LabelStudioWriter(out))
  case .spacy: return OffsetDocumentWriter(SpacyWriter(out))
  case .brat: return OffsetDocumentWriter(BratWriter(save: try BratFiles.saver(directory)))
  default: return nil
  }
}
