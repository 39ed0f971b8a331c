import Foundation

/// The error contract every run must keep: a documented exit code, no signal, no hang,
/// messages in the documented form naming a file the tool was given, and for a
/// streaming filter on bad data, everything before the bad record written.
enum FuzzContract {
  struct Violation: Error, CustomStringConvertible {
    /// `signal`, `hang`, `exit`, `message`, `lost-output` or `wrong-line`.
    var kind: String
    var detail: String
    var description: String { "\(kind): \(detail)" }
  }

  static let exitCodes: Set<Int32> = [0, 64, 65, 66, 74]

  /// Violations of issue 17's items that another change fixes (output lost before a
  /// bad record): counted and listed, but they fail a pass only with
  /// `NER_FUZZ_STRICT=1`. Empty this set when that change lands.
  static let deferred: Set<String> = []

  /// Runs `target` on `input` in `directory` and returns how it broke the contract.
  static func check(_ target: FuzzTarget, _ input: [UInt8], in directory: URL, workspace: String, limit: Double) throws -> Violation? {
    let file = directory.appendingPathComponent(target.file)
    try Data(input).write(to: file)
    let arguments = target.arguments(target.file, workspace)
    let r = try FuzzProcess.run(target.tool, arguments, in: directory, limit: limit)
    if r.timedOut { return Violation(kind: "hang", detail: "no exit within \(limit) s") }
    if r.signalled { return Violation(kind: "signal", detail: "signal \(r.status): \(r.stderr.suffix(300))") }
    guard exitCodes.contains(r.status) else { return Violation(kind: "exit", detail: "exit \(r.status): \(r.stderr.suffix(300))") }
    if let bad = messageViolation(r, tool: target.tool, arguments: arguments) { return bad }
    guard r.status == 65, target.records != nil, let line = errorLine(r.stderr, tool: target.tool, file: target.file) else { return nil }
    // The input cut before the bad record's first line must give the same output.
    let cut = Array(input.prefix(offsetOfRecord(containing: line, in: input, records: target.records!)))
    try Data(cut).write(to: file)
    // Read in the format the whole input was detected as (a JSONL file cut before its
    // first record is blank lines, which alone read as CoNLL).
    let jsonl = input.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    let format = jsonl && !arguments.contains("--from") && target.tool != "ner-score" ? ["--from", "jsonl"] : []
    let before = try FuzzProcess.run(target.tool, arguments + format, in: directory, limit: limit)
    if before.status != 0 {
      return Violation(kind: "wrong-line", detail: "the error names line \(line), but the input before its record fails too: \(before.stderr.prefix(300))")
    }
    guard before.stdout != r.stdout else { return nil }
    // Less than the records before the bad one is lost output; anything else is output
    // that the error's line does not explain.
    let lost = before.stdout.starts(with: r.stdout)
    return Violation(kind: lost ? "lost-output" : "wrong-line", detail: "line \(line): wrote \(r.stdout.count) bytes, the input before the bad record gives \(before.stdout.count)")
  }

  /// Every stderr line from the tool; on failure the last one `tool: FILE[:LINE]: error:
  /// ...` naming a file of the arguments (or `<stdout>`); on success no error.
  static func messageViolation(_ r: FuzzProcess.Outcome, tool: String, arguments: [String]) -> Violation? {
    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard r.stderr.isEmpty || r.stderr.hasSuffix("\n") else { return Violation(kind: "message", detail: "stderr does not end with a newline: \(r.stderr.suffix(200))") }
    if let stray = lines.first(where: { !$0.hasPrefix("\(tool): ") }) {
      return Violation(kind: "message", detail: "not from \(tool): \(stray.prefix(200))")
    }
    if r.status == 0 {
      if let e = lines.first(where: { $0.contains(": error: ") }) { return Violation(kind: "message", detail: "exit 0 after \(e.prefix(200))") }
      return nil
    }
    guard let last = lines.last, let (file, _) = parse(String(last), tool: tool) else {
      return Violation(kind: "message", detail: "exit \(r.status) without 'tool: FILE[:LINE]: error: ...': \(r.stderr.suffix(300))")
    }
    let named = file.components(separatedBy: ", ")
    guard named.allSatisfy({ $0 == "<stdout>" || arguments.contains($0) }) else {
      return Violation(kind: "message", detail: "names '\(file)', not a file it was given: \(last.prefix(200))")
    }
    return nil
  }

  /// The file and line of `tool: FILE[:LINE]: error: message` (line 0 when absent).
  static func parse(_ line: String, tool: String) -> (String, Int)? {
    guard line.hasPrefix("\(tool): "), let range = line.range(of: ": error: ") else { return nil }
    let location = line[line.index(line.startIndex, offsetBy: tool.count + 2)..<range.lowerBound]
    guard !location.isEmpty, range.upperBound < line.endIndex else { return nil }
    if let colon = location.lastIndex(of: ":"), let n = Int(location[location.index(after: colon)...]) {
      return (String(location[..<colon]), n)
    }
    return (String(location), 0)
  }

  /// The line of an error in `file`, from the last line of stderr.
  static func errorLine(_ stderr: String, tool: String, file: String) -> Int? {
    guard let last = stderr.split(separator: "\n").last, let (f, n) = parse(String(last), tool: tool), f == file, n > 0 else { return nil }
    return n
  }

  /// The byte offset where the record holding 1-based `line` starts: that line, or for
  /// CoNLL the first of the non-blank lines before it (a `-DOCSTART-` line is a record
  /// of its own).
  static func offsetOfRecord(containing line: Int, in input: [UInt8], records: FuzzTarget.Records) -> Int {
    var starts = [0]
    for (i, b) in input.enumerated() where b == 0x0A { starts.append(i + 1) }
    var first = min(line, starts.count) - 1
    let firstByte = input.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    let sentences = records == .sentences || (records == .auto && firstByte != UInt8(ascii: "{"))
    func text(_ k: Int) -> ArraySlice<UInt8> {
      let end = k + 1 < starts.count ? starts[k + 1] : input.count
      // As the CoNLL reader sees it: without the LF and one CR before it.
      var text = input[starts[k]..<end]
      if text.last == 0x0A { text = text.dropLast() }
      if text.last == 0x0D { text = text.dropLast() }
      return text
    }
    func blank(_ k: Int) -> Bool { text(k).isEmpty }
    // A -DOCSTART- line: its first field is -DOCSTART- (the reader's rule).
    func documentStart(_ k: Int) -> Bool {
      let t = text(k), marker = Array("-DOCSTART-".utf8)
      return t.starts(with: marker) && (t.count == marker.count || [0x20, 0x09].contains(t[t.startIndex + marker.count]))
    }
    func boundary(_ k: Int) -> Bool { blank(k) || documentStart(k) }
    while sentences, first > 0, !boundary(first - 1), !boundary(first) { first -= 1 }
    // Comment lines right before a record are its header.
    while sentences, first > 0, text(first - 1).first == UInt8(ascii: "#") { first -= 1 }
    // Blank lines at the start of the input are the first record's own (its layout);
    // blank lines after a record are that record's.
    if sentences, (0..<first).allSatisfy(blank) { first = 0 }
    return starts[first]
  }
}
