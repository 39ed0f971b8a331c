import NERKit

/// Counts the lines of one input by their sentence-id key (``SentenceID/key(_:)``), so
/// that identical lines get distinct ids: each line's occurrence among the lines before
/// it with the same key. Memory: one entry a distinct key of the input.
struct LineOccurrences {
  private var seen: [UInt64: Int32] = [:]
  /// Replace invalid UTF-8 as the tokenizer does, so the key is that of the id's bytes.
  let replaceInvalid: Bool

  init(replaceInvalid: Bool) { self.replaceInvalid = replaceInvalid }

  /// The occurrence of each line of `batch` (whole lines, split at LF, a CR before it
  /// dropped; 0 for empty lines), counting on from the batches before.
  mutating func count(_ batch: UnsafeBufferPointer<UInt8>) -> [Int32] {
    var out: [Int32] = []
    TokenizeWorker.forEachLine(of: batch) { line in
      guard !line.isEmpty else {
        out.append(0)
        return true
      }
      let key = replaceInvalid && !UTF8Text.isValid(line)
        ? SentenceID.key(String(decoding: line, as: UTF8.self).utf8) : SentenceID.key(line)
      let k = seen[key, default: 0] + 1
      seen[key] = k
      out.append(k)
      return true
    }
    return out
  }
}
