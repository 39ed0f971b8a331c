import Foundation
import Testing

/// Issue 17's reproducers: damaged files give exit 65 and a message naming the file,
/// never a trap; errors name where they happened.
struct RobustnessTests {
  typealias Folder = TranslateTests.Folder

  static let files = [
    "t.vec": "3 2\nx 1 0\ny 0 1\nz 1 1\n", "d.txt": "a x\nb y\nc z\n", "in.conll": "a O\n\n",
    "s.vec": "3 2\na 1 0\nb 0 1\nc 1 1\n", "t.conll": "a O\nb B-PER\n\n",
  ]

  /// Runs a tool in the folder and requires `status` and the exact `stderr`.
  func expect(_ tool: String, _ args: [String], in f: Folder, status: Int32, stderr: String) throws {
    let r = try ToolRunner.run(tool, args, directory: f.url)
    #expect(r.status == status && r.stderr == stderr, "\(tool) \(args): \(r.status) \(r.stderr)")
  }

  /// Item 1: a model whose length field has its top bit set.
  @Test func modelLengthWithTopBitSet() throws {
    let f = try Folder(Self.files)
    try expect("ner-tag", ["train", "-q", "-m", "m.model", "t.conll"], in: f, status: 0, stderr: "")
    var bytes = try Data(contentsOf: f.url.appendingPathComponent("m.model"))
    bytes[19] = 0x80
    try bytes.write(to: f.url.appendingPathComponent("m.model"))
    let message = "ner-tag: m.model: error: damaged model: truncated or too long\n"
    try expect("ner-tag", ["-m", "m.model", "in.conll"], in: f, status: 65, stderr: message)
    try expect("ner-tag", ["dump", "m.model"], in: f, status: 65, stderr: message)
  }

  /// Item 2: a `.vec` header whose dimension the file cannot hold, in every command
  /// that reads vectors.
  @Test(arguments: ["4611686018427387904", "99999999999"])
  func hugeVecDimension(dimension: String) throws {
    let f = try Folder(Self.files.merging(["h.vec": "3 \(dimension)\na 1 0\nb 0 1\nc 1 1\n"]) { $1 })
    let message = "ner-translate: h.vec:1: error: bad header '3 \(dimension)': \(dimension) values a vector, more than the 18 bytes after the header can hold\n"
    for args in [
      ["align", "-q", "--source-embeddings", "h.vec", "--target-embeddings", "t.vec", "--dictionary", "d.txt", "-o", "m.vec"],
      ["induce", "--source-embeddings", "h.vec", "--target-embeddings", "t.vec"],
      ["--dictionary", "d.txt", "--source-embeddings", "h.vec", "--target-embeddings", "t.vec", "in.conll"],
    ] {
      try expect("ner-translate", args, in: f, status: 65, stderr: message)
    }
    #expect(!FileManager.default.fileExists(atPath: f.path("m.vec")))
  }

  /// Item 3: a mapping whose column count the file cannot hold.
  @Test(arguments: ["9223372036854775807", "99999999999"])
  func hugeMappingColumns(columns: String) throws {
    let text = "2 \(columns)\n1 0\n0 1\n"
    let f = try Folder(Self.files.merging(["w.map": text]) { $1 })
    let message = "ner-translate: w.map:1: error: the header says 2 x \(columns) values, more than the file's \(text.utf8.count) bytes can hold\n"
    try expect("ner-translate", ["induce", "--source-embeddings", "s.vec", "--target-embeddings", "t.vec", "--mapping", "w.map"],
               in: f, status: 65, stderr: message)
    try expect("ner-translate", ["evaluate", "--source-embeddings", "s.vec", "--target-embeddings", "t.vec", "--mapping", "w.map",
                                 "--dictionary", "d.txt"], in: f, status: 65, stderr: message)
  }

  /// Item 4: NaN or infinity in a vector, in the seed dictionary or outside it.
  @Test func nonFiniteVectors() throws {
    let f = try Folder(Self.files.merging([
      "n.vec": "3 2\na nan 0\nb 0 1\nc 1 1\n", "i.vec": "4 2\na 1 0\nb 0 1\nc 1 1\nq 1 inf\n",
    ]) { $1 })
    try expect("ner-translate", ["align", "-q", "--source-embeddings", "n.vec", "--target-embeddings", "t.vec", "--dictionary", "d.txt", "-o", "m.vec"],
               in: f, status: 65, stderr: "ner-translate: n.vec:2: error: value 1 of 'a' is not a finite number: 'nan'\n")
    try expect("ner-translate", ["align", "-q", "--source-embeddings", "i.vec", "--target-embeddings", "t.vec", "--dictionary", "d.txt", "-o", "m.vec"],
               in: f, status: 65, stderr: "ner-translate: i.vec:5: error: value 2 of 'q' is not a finite number: 'inf'\n")
  }

  /// Item 12: errors name where they happened.
  @Test func errorsNameTheirFiles() throws {
    let f = try Folder(Self.files.merging(["empty.conll": "", "t3.vec": "1 3\nx 1 0 0\n"]) { $1 })
    let full = try ToolRunner.shell("ner-convert '\(f.path("in.conll"))' > /dev/full")
    #expect(full.status == 74 && full.stderr == "ner-convert: <stdout>: error: write error: No space left on device\n", "\(full.stderr)")
    let device = try ToolRunner.shell("ner-convert -o /dev/full '\(f.path("in.conll"))'")
    #expect(device.status == 74 && device.stderr == "ner-convert: /dev/full: error: write error: No space left on device\n", "\(device.stderr)")
    try expect("ner-tag", ["train", "-q", "-m", "e.model", "empty.conll"], in: f, status: 65,
               stderr: "ner-tag: empty.conll: error: no labelled sentences to train on\n")
    try expect("ner-tag", ["train", "-q", "-m", "e.model", "empty.conll", "es=empty.conll"], in: f, status: 65,
               stderr: "ner-tag: empty.conll, empty.conll: error: no labelled sentences to train on\n")
    try expect("ner-translate", ["induce", "--source-embeddings", "s.vec", "--target-embeddings", "t3.vec"], in: f, status: 65,
               stderr: "ner-translate: t3.vec: error: vectors of 3 dimensions; the source embeddings s.vec have 2\n")
    try expect("ner-tag", ["-m", "in.conll", "in.conll"], in: f, status: 65, stderr: "ner-tag: in.conll: error: not a ner-tag model\n")
  }
}
