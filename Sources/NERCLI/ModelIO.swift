import NERKit

/// Reading and writing model files.
public enum ModelIO {
  /// The model in `path`: a missing file exits 66, a damaged one 65.
  public static func load(_ path: String) throws -> TrainedModel {
    let input = try InputFile(path: path)
    var bytes: [UInt8] = []
    if let mapped = input.mapped() {
      bytes = Array(mapped)
    } else {
      while let line = try input.lines.next() {
        bytes += line.bytes
        if line.terminated { bytes.append(0x0A) }
      }
    }
    do {
      return try ModelFile.decode(bytes)
    } catch let e as DataError {
      throw ToolFailure(file: input.name, e.message, status: ExitStatus.dataError)
    }
  }

  /// Writes a model atomically (a temporary file renamed into place).
  public static func save(_ contents: TrainedModel, to path: String) throws {
    let target = try OutputTarget(path: path)
    let bytes = ModelFile.encode(contents)
    try target.run { try bytes.withUnsafeBufferPointer { try target.buffer.write($0) } }
  }
}
