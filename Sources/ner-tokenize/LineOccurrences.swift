#if canImport(Glibc)
import Glibc
#endif
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
    var start = 0
    while start < batch.count {
      var end = batch.count
      if let nl = memchr(batch.baseAddress! + start, 0x0A, batch.count - start) {
        end = batch.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
      }
      let next = end + 1
      if end > start && batch[end - 1] == 0x0D { end -= 1 }
      if end > start {
        let line = UnsafeBufferPointer(rebasing: batch[start..<end])
        let key = replaceInvalid && !UTF8Text.isValid(line)
          ? SentenceID.key(String(decoding: line, as: UTF8.self).utf8) : SentenceID.key(line)
        let k = seen[key, default: 0] + 1
        seen[key] = k
        out.append(k)
      } else {
        out.append(0)
      }
      start = next
    }
    return out
  }
}
