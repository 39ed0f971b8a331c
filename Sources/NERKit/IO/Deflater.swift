import CZlib

/// A gzip compressor: bytes in, compressed bytes out, the stream ended by ``finish()``.
final class Deflater {
  private let stream: UnsafeMutableRawPointer
  private var out = [UInt8](repeating: 0, count: 1 << 16)

  init() throws {
    guard let s = czlib_deflater_new() else { throw IOFailure("out of memory for gzip") }
    stream = s
  }

  deinit { czlib_deflater_free(stream) }

  /// Compresses `input`, handing each piece of output to `write`; with `finish`, ends the
  /// gzip stream.
  func compress(_ input: UnsafeRawBufferPointer, finish: Bool, _ write: (UnsafeRawBufferPointer) throws -> Void) throws {
    var offset = 0
    while true {
      var consumed = 0, produced = 0
      let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
      let r = out.withUnsafeMutableBufferPointer { o in
        czlib_deflate(stream, base.map { $0 + offset }, input.count - offset, &consumed, o.baseAddress!, o.count, &produced,
                      finish ? 1 : 0)
      }
      guard r >= 0 else { throw IOFailure("gzip compression failed") }
      offset += consumed
      if produced > 0 { try out.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) } }
      if r == 1 { return }
      if offset == input.count && !finish && produced < out.count { return }
    }
  }
}
