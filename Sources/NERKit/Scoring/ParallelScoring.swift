import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Scores an input held in memory on two cores when that gives exactly the counts of one
/// pass: the input is cut after a blank line near its middle, both halves are scored at
/// once, and the second half's counts are appended only if the first half ended at rest
/// (outside every chunk) and both agree on the number of fields. Otherwise, or on any
/// error, the whole input is scored again in one pass, so results and messages are
/// always those of the sequential scorer.
public enum ParallelScoring {
  /// Inputs smaller than this are not worth a second thread.
  public static let minimumSize = 1 << 20

  public static func score(_ bytes: UnsafeBufferPointer<UInt8>, options: ConllevalScorer.Options) throws -> ConllevalScorer {
    var first = try ConllevalScorer(options: options)
    if bytes.count >= minimumSize, first.canSplit, let cut = cutPoint(bytes) {
      // The delimiter the first non-empty line decides applies to both halves.
      if options.delimiter == nil, let line = firstNonEmptyLine(bytes) { try first.chooseDelimiter(forFirstLine: line) }
      let head = UnsafeBufferPointer(rebasing: bytes[0..<cut])
      // The second half's scorer, its bytes and its outcome, handed to the other thread
      // and read back only after `group.wait()`.
      let job = SecondHalf(scorer: first, bytes: UnsafeBufferPointer(rebasing: bytes[cut...]))
      let group = DispatchGroup()
      DispatchQueue.global().async(group: group) { job.run() }
      var number = 0
      let firstResult = Result { try first.addBlock(head, number: &number) }
      group.wait()
      if case .success = firstResult, case .success = job.result, first.append(job.scorer) {
        return first
      }
      first = try ConllevalScorer(options: options)
    }
    var number = 0
    try first.addBlock(bytes, number: &number)
    return first
  }

  /// Just after the first blank line ("\n\n") at or after the middle, if any.
  static func cutPoint(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = bytes.count / 2
    while i + 1 < bytes.count {
      if bytes[i] == 0x0A && bytes[i + 1] == 0x0A { return i + 2 }
      i += 1
    }
    return nil
  }

  static func firstNonEmptyLine(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      if end > start { return UnsafeBufferPointer(rebasing: bytes[start..<end]) }
      start = end + 1
    }
    return nil
  }
}

/// The second half of a split input, scored on another thread.
private final class SecondHalf: @unchecked Sendable {
  var scorer: ConllevalScorer
  let bytes: UnsafeBufferPointer<UInt8>
  var result: Result<Void, Error> = .success(())

  init(scorer: ConllevalScorer, bytes: UnsafeBufferPointer<UInt8>) {
    self.scorer = scorer
    self.bytes = bytes
  }

  func run() {
    var number = 0
    result = Result { try scorer.addBlock(bytes, number: &number) }
  }
}
