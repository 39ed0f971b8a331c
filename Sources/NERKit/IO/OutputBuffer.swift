#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to a pipe whose reader has gone (`| head`): the tools stop quietly.
public struct BrokenPipe: Error {
  public init() {}
}

/// A buffered writer to a file descriptor.
///
/// Bytes collect in memory and go out in large writes; ``flush()`` writes what is left.
/// A failed write throws ``IOFailure``, or ``BrokenPipe`` when the reader has gone.
public final class OutputBuffer {
  private let fd: Int32
  /// Collects bytes for ``take()`` instead of writing them.
  private let inMemory: Bool
  private var bytes: [UInt8] = []
  private let threshold: Int
  /// Compresses what goes out (`-o FILE.gz`).
  private let deflater: Deflater?

  /// The output's name in errors (`<stdout>`, a path), when known.
  private let name: String?

  /// A buffer writing to `fileDescriptor`; a failed write is an ``IOFailure`` naming
  /// `name`; with `gzip`, a gzip stream, ended by ``finish()``.
  public init(fileDescriptor: Int32, threshold: Int = 1 << 16, name: String? = nil, gzip: Bool = false) throws {
    self.fd = fileDescriptor
    self.name = name
    self.threshold = threshold
    inMemory = false
    deflater = gzip ? try Deflater() : nil
    bytes.reserveCapacity(threshold + 4096)
  }

  /// A writer to `fileDescriptor`.
  public convenience init(fileDescriptor: Int32, threshold: Int = 1 << 16, name: String? = nil) {
    try! self.init(fileDescriptor: fileDescriptor, threshold: threshold, name: name, gzip: false)
  }

  /// A buffer that only collects bytes in memory, for ``take()`` (so that writers can
  /// run on worker threads and the results go out in order).
  public init() {
    name = nil
    fd = -1
    threshold = Int.max
    inMemory = true
    deflater = nil
  }

  /// The bytes collected so far, emptying the buffer.
  public func take() -> [UInt8] {
    let taken = bytes
    bytes = []
    bytes.reserveCapacity(min(max(taken.count, 256), 1 << 16))
    return taken
  }

  public func write(_ text: String) throws {
    var t = text
    t.withUTF8 { bytes.append(contentsOf: $0) }
    if bytes.count >= threshold { try flush() }
  }

  public func write(byte: UInt8) throws {
    bytes.append(byte)
    if bytes.count >= threshold { try flush() }
  }

  public func write(_ buffer: UnsafeBufferPointer<UInt8>) throws {
    bytes.append(contentsOf: buffer)
    if bytes.count >= threshold { try flush() }
  }

  /// Writes everything buffered (compressed, for a gzip stream).
  public func flush() throws {
    guard !inMemory else { return }
    try bytes.withUnsafeBytes { raw in
      if let deflater { try deflater.compress(raw, finish: false, writeAll) } else { try writeAll(raw) }
    }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a gzip stream, ends it.
  public func finish() throws {
    try flush()
    guard !inMemory, let deflater else { return }
    try deflater.compress(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, writeAll)
  }

  private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < raw.count {
      let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
      if n >= 0 { offset += n; continue }
      if errno == EINTR { continue }
      if errno == EPIPE { throw BrokenPipe() }
      throw IOFailure(name == nil ? String(cString: strerror(errno)) : "write error: \(String(cString: strerror(errno)))", file: name)
    }
  }
}
