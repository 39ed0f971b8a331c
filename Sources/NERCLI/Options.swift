import ArgumentParser
import NERKit

extension TagScheme: ExpressibleByArgument {}
extension NormalizationForm: ExpressibleByArgument {}

/// Output formats.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  case conll, jsonl, spans
}

/// The version of the suite.
public let suiteVersion = "0.1.0"

/// What `tool --version` prints: the tool's name and the suite's version
/// (`ner-score 0.1.0`), so that a log of several tools says which printed it.
public func versionLine(_ tool: String) -> String {
  "\(tool) \(suiteVersion)"
}

/// A writer of `format` on `out`.
public func recordWriter(_ format: OutputFormat, _ out: OutputBuffer, dropMetadata: Bool) -> RecordWriter {
  switch format {
  case .conll:
    let w = CoNLLWriter(out)
    w.dropMetadata = dropMetadata
    return w
  case .jsonl:
    let w = JSONLWriter(out)
    w.dropMetadata = dropMetadata
    return w
  case .spans:
    return SpansWriter(out)
  }
}

/// The output formats of a tool that writes a corpus but no entity list (`--to spans`
/// needs tags it does not have): only these are offered in its help and completions.
public enum CorpusFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  case conll, jsonl

  /// The same format as an ``OutputFormat``.
  public var output: OutputFormat { self == .conll ? .conll : .jsonl }
}

extension AttentionKind: ExpressibleByArgument {}
extension TransferDropoutUnit: ExpressibleByArgument {}
extension TransferPlacement: ExpressibleByArgument {}
