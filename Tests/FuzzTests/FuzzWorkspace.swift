import Foundation

/// The intact files the targets read beside their damaged input (embeddings, a
/// dictionary, small trained models), written once per run into a temporary folder.
final class FuzzWorkspace: @unchecked Sendable {
  let directory: URL
  /// The two models' bytes, the seeds of the model targets.
  private(set) var models: [[UInt8]] = []

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("ner-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let files = [
      "t.vec": "3 2\nx 1 0\ny 0 1\nz 1 1\n", "s.vec": FuzzTarget.vec, "d.txt": FuzzTarget.dictionary,
      "source.conll": "a\tB-PER\nb\tO\n\nc\tO\nq\tB-LOC\n", "train.conll": FuzzTarget.conll,
      "template.txt": "U00:%x[0,0]\nB\n",
    ]
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    try train(["--template", "template.txt", "--max-iterations", "5", "-m", "linear.model"])
    try train(["--kind", "neural", "--epochs", "1", "--char-dim", "2", "--char-hidden", "2", "--word-dim", "2",
               "--hidden", "2", "--language-dim", "1", "-m", "neural.model"])
    models = try ["linear.model", "neural.model"].map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
  }

  private func train(_ arguments: [String]) throws {
    let r = try FuzzProcess.run("ner-tag", ["train", "-q", "--threads", "1"] + arguments + ["train.conll"], in: directory, limit: 120)
    guard r.status == 0, !r.signalled else { throw FuzzSetupError(message: "training failed: \(r.stderr)") }
  }

  /// The seeds of `target`.
  func seeds(_ target: FuzzTarget) -> [[UInt8]] {
    target.modelFile ? models : target.seeds.map { Array($0.utf8) }
  }

  deinit { try? FileManager.default.removeItem(at: directory) }
}

struct FuzzSetupError: Error {
  var message: String
}
