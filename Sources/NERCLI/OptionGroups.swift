import ArgumentParser
import NERKit

/// `--from`: the input format of a tool that reads CoNLL or JSONL.
public struct InputFormatOption: ParsableArguments {
  @Option(help: "Input format: auto, conll or jsonl.")
  public var from: InputFormat = .auto

  public init() {}
}

/// `-o/--output`: where a tool writes (see ``OutputTarget``).
public struct OutputFileOption: ParsableArguments {
  @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
  public var output: String?

  public init() {}

  /// The target to write to: the file, or standard output.
  public func target() throws -> OutputTarget { try OutputTarget(path: output) }
}

/// What a tool's threads do, for the help of ``ThreadsOption``.
public protocol ThreadsHelp {
  /// The help text of `--threads`.
  static var help: String { get }
}

/// `--threads`: how many threads a tool works with (default: all cores); `Help` words the
/// option's help for the tool.
public struct ThreadsOption<Help: ThreadsHelp>: ParsableArguments {
  @Option(help: ArgumentHelp(Help.help))
  public var threads: Int = BatchWorkers<Int>.processorCount

  public init() {}

  public func validate() throws {
    if threads < 1 { throw ValidationError("--threads needs a positive number.") }
  }
}
