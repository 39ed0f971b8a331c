import NERKit
import Testing

/// Tagging groups are fixed by record position, whatever the batches the stream is read
/// in, so that shards of a multiple of the group size see the same groups as the whole.
struct TaggingGroupsTests {
  /// A stream of records, some not sentences (-DOCSTART-, empty), from a fixed LCG.
  static func stream(_ n: Int) -> [Bool] {
    var x: UInt64 = 12345
    return (0..<n).map { _ in
      x = x &* 6364136223846793005 &+ 1442695040888963407
      return (x >> 33) % 7 != 0
    }
  }

  /// The groups of `records` read in batches of the given sizes, as absolute indices.
  static func groups(_ records: [Bool], batches: [Int], size: Int = 32) -> [[Int]] {
    var g = TaggingGroups(size: size)
    var start = 0
    var out: [[Int]] = []
    for b in batches {
      let end = min(records.count, start + b)
      out += g.next(Array(records[start..<end])).map { $0.map { $0 + start } }
      start = end
    }
    #expect(start == records.count)
    #expect(g.seen == records.count)
    return out
  }

  @Test func positionFixesTheGroups() {
    let records = Self.stream(300)
    let whole = Self.groups(records, batches: [256, 44])
    // Every group: sentences only, in order, inside one block of 32 records; all sentences.
    #expect(whole.joined().map { $0 } == records.indices.filter { records[$0] })
    for g in whole {
      #expect(!g.isEmpty && g.allSatisfy { records[$0] })
      #expect(Set(g.map { $0 / 32 }).count == 1)
    }
    // Other batchings (as a 256-record reader meets shards, or a pipe in odd pieces)
    // merge groups split by a batch boundary into the same ones.
    for batches in [[100, 100, 100], [7, 250, 43], [1] + Array(repeating: 1, count: 299), [300]] {
      let other = Self.groups(records, batches: batches)
      let merged = Dictionary(grouping: other.joined(), by: { $0 / 32 }).sorted { $0.key < $1.key }.map(\.value)
      #expect(merged == whole, "batches \(batches.prefix(3))")
      // And a batch that starts on a multiple of 32 never splits a group.
      if batches.allSatisfy({ $0 % 32 == 0 }) { #expect(other == whole) }
    }
  }

  @Test func shardsOfAMultipleOfTheSizeSeeTheWholesGroups() {
    let records = Self.stream(300)
    let whole = Self.groups(records, batches: [256, 44])
    // A shard of records 64..<192, read from its own first record.
    let shard = Self.groups(Array(records[64..<192]), batches: [128]).map { $0.map { $0 + 64 } }
    #expect(shard == whole.filter { $0[0] >= 64 && $0[0] < 192 })
    // A shard that does not start on a multiple of 32 does not.
    let off = Self.groups(Array(records[50..<192]), batches: [142]).map { $0.map { $0 + 50 } }
    #expect(off != whole.filter { $0[0] >= 50 && $0[0] < 192 })
  }
}
