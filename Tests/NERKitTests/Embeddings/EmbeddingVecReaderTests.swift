import Foundation
import Testing

@testable import NERKit

/// `.vec` reading: format variants, errors with exact messages, and writer round trips.
struct EmbeddingVecReaderTests {
  /// The DataError thrown parsing `text`, or nil.
  static func error(_ text: String, maxVocab: Int? = nil) -> DataError? {
    do {
      _ = try VecReader.parse(text, maxVocab: maxVocab)
      return nil
    } catch {
      return error as? DataError
    }
  }

  @Test func headerAndVectors() throws {
    let e = try VecReader.parse("3 2\nthe 0.5 -1\nof 1e-3 2.25 \r\nx\t1 +3  4\n")
    #expect(e.words == ["the", "of", "x\t1"])
    #expect(e.dimension == 2)
    #expect(e.vectors == [0.5, -1, 0.001, 2.25, 3, 4])
    #expect(e.index(of: "of") == 1 && e.index(of: "Of") == nil)
    #expect(e.vector(for: "the") == [0.5, -1])
    #expect(Array(e.vector(at: 2)) == [3, 4])
  }

  @Test func missingHeaderLastLineWithoutNewlineEmptyLines() throws {
    let e = try VecReader.parse("a 1 2 3\n\nb 4 5 6")
    #expect(e.words == ["a", "b"] && e.dimension == 3 && e.vectors == [1, 2, 3, 4, 5, 6])
  }

  @Test func headerCountIsOnlyAHint() throws {
    #expect(try VecReader.parse("10 1\na 1\n").count == 1)
    #expect(try VecReader.parse("0 1\na 1\nb 2\n").count == 2)
    #expect(try VecReader.parse("5 4\n").count == 0)
    // A header alone allocates nothing for its counts.
    #expect(try VecReader.parse("9223372036854775807 99999999999\n\n \n").count == 0)
  }

  @Test func duplicatesKeepTheFirst() throws {
    let e = try VecReader.parse("4 1\na 1\nb 2\na 3\nc 4\n")
    #expect(e.words == ["a", "b", "c"] && e.vectors == [1, 2, 4])
  }

  @Test func maxVocabCountsDistinctWords() throws {
    let text = "5 1\na 1\na 2\nb 3\nc 4\nd x\n"
    #expect(try VecReader.parse(text, maxVocab: 2).words == ["a", "b"])
    #expect(try VecReader.parse(text, maxVocab: 3).vectors == [1, 3, 4])
    #expect(try VecReader.parse(text, maxVocab: 0).count == 0)
    #expect(Self.error(text, maxVocab: 4) == DataError(line: 6, "value 1 of 'd' is not a finite number: 'x'"))
  }

  @Test func numbersAreCorrectlyRounded() throws {
    let numbers = ["0.1", "-0.0653", "3.4028235e38", "1.17549435e-38", "1e-45", "123456789012345678901234567890",
                   "0.30000001192092896", "16777217", "-0", "1.5E+3", ".5", "5."]
    let e = try VecReader.parse("w " + numbers.joined(separator: " ") + "\n")
    for (i, n) in numbers.enumerated() {
      let expected = strtof(n, nil)
      #expect(e.vectors[i].bitPattern == expected.bitPattern || (expected.isNaN && e.vectors[i].isNaN), "\(n)")
    }
  }

  @Test(arguments: [
    ("", DataError(line: 0, "empty embeddings file: expected a 'COUNT DIMENSION' header or a vector")),
    ("\n\n", DataError(line: 0, "empty embeddings file: expected a 'COUNT DIMENSION' header or a vector")),
    ("300\na 1\n", DataError(line: 1, "bad header '300': expected 'COUNT DIMENSION', two integers, the dimension positive")),
    ("\nfoo 0.5\n", DataError(line: 2, "bad header 'foo 0.5': expected 'COUNT DIMENSION', two integers, the dimension positive")),
    ("2 0\n", DataError(line: 1, "bad header '2 0': expected 'COUNT DIMENSION', two integers, the dimension positive")),
    ("2 3\na 1 2 3\nb 1 2\n", DataError(line: 3, "'b' has 2 values, expected 3")),
    ("2 3\na 1 2 3\nb 1 2 3 4\n", DataError(line: 3, "'b' has 4 values, expected 3")),
    ("a 1 2 3\nb\n", DataError(line: 2, "'b' has 0 values, expected 3")),
    ("2 3\na 1 2 3\n\nb 1 2.5.1 3\n", DataError(line: 4, "value 2 of 'b' is not a finite number: '2.5.1'")),
    ("1 2\nc 1 0x\n", DataError(line: 2, "value 2 of 'c' is not a finite number: '0x'")),
    ("1 2\nc 1 1e\n", DataError(line: 2, "value 2 of 'c' is not a finite number: '1e'")),
    // Not finite: a data error, never a value that poisons what it touches.
    ("3 2\na nan 0\nb 0 1\n", DataError(line: 2, "value 1 of 'a' is not a finite number: 'nan'")),
    ("3 2\na 0 1\nb -inf 1\n", DataError(line: 3, "value 1 of 'b' is not a finite number: '-inf'")),
    ("a 0 1\nb 1 1e39\n", DataError(line: 2, "value 2 of 'b' is not a finite number: '1e39'")),
    // A dimension the file cannot hold: found before anything is allocated.
    ("3 4611686018427387904\na 1 0\n", DataError(line: 1, "bad header '3 4611686018427387904': 4611686018427387904 values a vector, more than the 6 bytes after the header can hold")),
    ("3 99999999999\na 1 0\n", DataError(line: 1, "bad header '3 99999999999': 99999999999 values a vector, more than the 6 bytes after the header can hold")),
    ("0 300\n\na 1\n", DataError(line: 1, "bad header '0 300': 300 values a vector, more than the 5 bytes after the header can hold")),
  ])
  func errors(text: String, expected: DataError) {
    #expect(Self.error(text) == expected)
  }

  /// A huge count in the header is only a hint: nothing is allocated for it.
  @Test func hugeCountIsAHint() throws {
    let e = try VecReader.parse("9223372036854775807 2\na 1 0\n")
    #expect(e.words == ["a"] && e.vectors == [1, 0])
  }

  /// Errors in later pieces of a large input get their line numbers in the whole file.
  @Test func errorLineNumbersAcrossThreads() throws {
    var lines = ["40000 8"]
    for i in 0..<40000 { lines.append("w\(i) " + (0..<8).map { "0.\(($0 + i) % 10)" }.joined(separator: " ")) }
    lines[30001] = "bad 1 2 3"
    let text = lines.joined(separator: "\n") + "\n"
    for threads in [1, 2, 3] {
      do {
        _ = try VecReader.parse(text, threads: threads)
        Issue.record("no error")
      } catch let error as DataError {
        #expect(error == DataError(line: 30002, "'bad' has 3 values, expected 8"))
      }
    }
    lines[30001] = "w30000x 1 2 3 4 5 6 7 8"
    let good = lines.joined(separator: "\n") + "\n"
    let one = try VecReader.parse(good, threads: 1), two = try VecReader.parse(good, threads: 2)
    #expect(one == two && one.count == 40000 && one.words[30000] == "w30000x")
  }

  @Test func writerFormatsLikePrintf() {
    let values: [Float] = [0, -0.0, 0.5, -1.25, 0.000004, -0.000004, 0.000005, 1234.56789, 3.4e38, 1e-7, .nan, -.infinity]
    let e = WordEmbeddings(words: ["x"], dimension: values.count, vectors: values)
    let expected = "1 \(values.count)\nx " + values.map { String(format: "%.5f", Double($0)) }.joined(separator: " ") + "\n"
    #expect(VecWriter.text(e) == expected)
    #expect(VecWriter.text(e, decimals: 0, header: false) == "x " + values.map { String(format: "%.0f", Double($0)) }.joined(separator: " ") + "\n")
  }

  @Test func writerMatchesPrintfOnRandomValues() {
    var rng = SplitMix64(seed: 7)
    let values = (0..<20000).map { _ in Float.random(in: -3..<3, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e-3) }
    let e = WordEmbeddings(words: ["w"], dimension: values.count, vectors: values)
    for decimals in [4, 5, 6] {
      let expected = "w " + values.map { String(format: "%.\(decimals)f", Double($0)) }.joined(separator: " ") + "\n"
      #expect(VecWriter.text(e, decimals: decimals, header: false) == expected)
    }
  }

  @Test func roundTrip() throws {
    let e = EmbeddingTestData.random(rows: 5000, dimension: 7, seed: 3)
    let text = VecWriter.text(e, decimals: 20)
    let back = try VecReader.parse(text)
    #expect(back.words == e.words && back.dimension == 7)
    #expect(zip(back.vectors, e.vectors).allSatisfy { $0 == $1 })
    let rounded = try VecReader.parse(VecWriter.text(e))
    #expect(zip(rounded.vectors, e.vectors).allSatisfy { abs($0 - $1) <= 0.0000051 })
    #expect(VecWriter.text(rounded) == VecWriter.text(e))
  }

  @Test func readsAFileDescriptor() throws {
    let path = NSTemporaryDirectory() + "/vecreader-\(getpid()).vec"
    defer { unlink(path) }
    try "2 2\nb 1 2\na 3 4\n".write(toFile: path, atomically: true, encoding: .utf8)
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let e = try VecReader.read(fileDescriptor: fd, maxVocab: 1)
    #expect(e.words == ["b"] && e.vectors == [1, 2])
  }
}
