import Testing

@testable import NERKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct LineReaderTests {
  @Test func splitsAtNewlines() throws {
    let lines = try allLines(Array("one\ntwo\n\nfour\n".utf8))
    #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["one", "two", "", "four"])
    #expect(lines.map(\.terminated) == [true, true, true, true])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
  }

  @Test func crlfKeepsTheCarriageReturn() throws {
    let lines = try allLines(Array("a\r\nb\r\n\r\n".utf8))
    #expect(lines.map(\.bytes) == [[0x61, 0x0D], [0x62, 0x0D], [0x0D]])
  }

  @Test func lastLineWithoutNewline() throws {
    let lines = try allLines(Array("a\nlast".utf8))
    #expect(lines.count == 2)
    #expect(lines[1].bytes == Array("last".utf8))
    #expect(!lines[1].terminated)
    #expect(lines[1].number == 2)
  }

  @Test func emptyInputHasNoLines() throws {
    #expect(try allLines([]).isEmpty)
    let one = try allLines([0x0A])
    #expect(one.count == 1 && one[0].bytes.isEmpty && one[0].terminated)
  }

  @Test(arguments: [16, 17, 32, 100])
  func linesLongerThanTheBuffer(bufferSize: Int) throws {
    let long = String((0..<1000).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
    let text = "short\n" + long + "\n\n" + long + "x\r\nend"
    let lines = try allLines(Array(text.utf8), bufferSize: bufferSize)
    #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["short", long, "", long + "x\r", "end"])
    #expect(lines.map(\.terminated) == [true, true, true, true, false])
    #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
  }

  @Test func lineNumberTracksTheLastLine() throws {
    try withLineReader("a\nb\n") { r in
      #expect(r.lineNumber == 0)
      _ = try r.next()
      #expect(r.lineNumber == 1)
      _ = try r.next()
      #expect(r.lineNumber == 2)
      #expect(try r.next() == nil)
      #expect(try r.next() == nil)
      #expect(r.lineNumber == 2)
    }
  }

  @Test(arguments: [16, 20, 64, 1 << 16])
  func nextBlockGivesWholeLines(bufferSize: Int) throws {
    let text = (0..<60).map { "line \($0) " + String(repeating: "z", count: $0 % 37) }.joined(separator: "\n") + "\nno newline"
    let bytes = Array(text.utf8)
    let blocks = try withLineReader(bytes, bufferSize: bufferSize) { r -> [[UInt8]] in
      var blocks: [[UInt8]] = []
      while let b = try r.nextBlock() { blocks.append(Array(b)) }
      return blocks
    }
    #expect(blocks.flatMap { $0 } == bytes)
    #expect(blocks.dropLast().allSatisfy { $0.last == 0x0A })
    #expect(blocks.allSatisfy { !$0.isEmpty })
    #expect(blocks.last.map { String(decoding: $0, as: UTF8.self).hasSuffix("\nno newline") || String(decoding: $0, as: UTF8.self) == "no newline" } == true)
  }

  @Test func nextBlockOnEmptyInput() throws {
    #expect(try withLineReader("") { try $0.nextBlock() } == nil)
  }

  @Test(arguments: [16, 1 << 16])
  func peekFirstNonBlankByteDoesNotConsume(bufferSize: Int) throws {
    let padding = String(repeating: " \t\r\n", count: 30)
    try withLineReader(padding + "{\"tokens\":[]}\n", bufferSize: bufferSize) { r in
      #expect(try r.peekFirstNonBlankByte() == UInt8(ascii: "{"))
      #expect(try r.peekFirstNonBlankByte() == UInt8(ascii: "{"))
      let first = try #require(try r.next())
      #expect(Array(first.bytes) == [0x20, 0x09, 0x0D])
      #expect(first.number == 1)
      var count = 1
      var last: [UInt8] = []
      while let l = try r.next() { count += 1; last = Array(l.bytes) }
      #expect(count == 31)
      #expect(last == Array("{\"tokens\":[]}".utf8))
    }
  }

  @Test func peekOnBlankOrEmptyInput() throws {
    #expect(try withLineReader(" \n\t\r\n ") { try $0.peekFirstNonBlankByte() } == nil)
    #expect(try withLineReader("") { try $0.peekFirstNonBlankByte() } == nil)
    #expect(try withLineReader("x") { try $0.peekFirstNonBlankByte() } == UInt8(ascii: "x"))
  }

  @Test func peekAfterSomeLines() throws {
    try withLineReader("a\n\n  b\n") { r in
      _ = try r.next()
      #expect(try r.peekFirstNonBlankByte() == UInt8(ascii: "b"))
      #expect(try r.next().map { Array($0.bytes) } == [])
    }
  }

  @Test func readsFromAPipe() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    defer { close(fds[0]) }
    let text = Array("x\ny\nz".utf8)
    _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress!, $0.count) }
    close(fds[1])
    let r = LineReader(fileDescriptor: fds[0], bufferSize: 16)
    var lines: [String] = []
    while let l = try r.next() { lines.append(String(decoding: l.bytes, as: UTF8.self)) }
    #expect(lines == ["x", "y", "z"])
  }

  @Test func readErrorIsAnIOFailure() {
    let r = LineReader(fileDescriptor: -1)
    #expect(throws: IOFailure.self) { try r.next() }
  }
}

@Suite struct OutputBufferTests {
  @Test(arguments: [1, 4, 1 << 16])
  func writesEverythingInOrder(threshold: Int) throws {
    let out = try captureOutput(threshold: threshold) { o in
      try o.write("héllo ")
      try o.write(byte: 0x41)
      try [UInt8](" world\n".utf8).withUnsafeBufferPointer { try o.write($0) }
      for i in 0..<100 { try o.write("\(i),") }
    }
    #expect(String(decoding: out, as: UTF8.self) == "héllo A world\n" + (0..<100).map { "\($0)," }.joined())
  }

  @Test func flushIsIdempotent() throws {
    let out = try captureOutput { o in
      try o.write("a")
      try o.flush()
      try o.flush()
      try o.write("b")
    }
    #expect(out == Array("ab".utf8))
  }

  @Test func writeErrorIsAnIOFailure() {
    let o = OutputBuffer(fileDescriptor: -1)
    #expect(throws: IOFailure.self) {
      try o.write("x")
      try o.flush()
    }
  }
}

@Suite struct UTF8TextTests {
  @Test(arguments: [[UInt8](), Array("ascii".utf8), Array("Zürich 日本 😀".utf8)])
  func decodesValidUTF8(bytes: [UInt8]) {
    let s = bytes.withUnsafeBufferPointer { UTF8Text.decode($0) }
    #expect(s.map { Array($0.utf8) } == bytes)
    #expect(bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) })
  }

  @Test(arguments: [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0x80]] as [[UInt8]])
  func rejectsInvalidUTF8(bytes: [UInt8]) {
    #expect(bytes.withUnsafeBufferPointer { UTF8Text.decode($0) } == nil)
    #expect(!bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) })
  }

  @Test func dataErrorDescription() {
    #expect(DataError(line: 3, "bad").description == "3: error: bad")
    #expect(DataError(line: 0, "bad").description == "error: bad")
  }
}
