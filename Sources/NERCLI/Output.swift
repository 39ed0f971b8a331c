import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// Where a tool writes: standard output, or a file given with `-o` that is written to a
/// temporary file beside it and renamed into place only when complete, so that a failure
/// never leaves half a file.
public final class OutputTarget {
  public let buffer: OutputBuffer
  private let path: String?
  private let temporaryPath: String?
  private let fd: Int32
  private var committed = false

  /// Standard output when `path` is nil or `-`. A path that names something other than
  /// a regular file (`/dev/null`, a FIFO) is written directly, never replaced; a path
  /// ending in `.gz` is written gzip-compressed.
  public init(path: String?) throws {
    var st = stat()
    if let path, path != "-", stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG, (st.st_mode & S_IFMT) != S_IFDIR {
      let fd = open(path, O_WRONLY)
      if fd < 0 {
        throw ToolFailure(file: path, "cannot open: \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
      }
      self.fd = fd
      self.path = nil
      self.temporaryPath = nil
      buffer = try OutputBuffer(fileDescriptor: fd, name: path, gzip: path.hasSuffix(".gz"))
    } else if let path, path != "-" {
      var template = Array((path + ".tmp.XXXXXX").utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if fd < 0 {
        throw ToolFailure(file: path, "cannot create: \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
      }
      fchmod(fd, 0o644)
      self.fd = fd
      self.path = path
      self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      buffer = try OutputBuffer(fileDescriptor: fd, name: path, gzip: path.hasSuffix(".gz"))
    } else {
      fd = 1
      self.path = nil
      self.temporaryPath = nil
      buffer = OutputBuffer(fileDescriptor: 1, name: "<stdout>")
    }
  }

  /// Flushes (ending a gzip stream), and for a file renames it into place.
  public func commit() throws {
    do {
      try buffer.finish()
    } catch let e as IOFailure {
      throw ToolFailure(file: e.file ?? path ?? "<stdout>", e.file == nil ? "write error: \(e.message)" : e.message, status: ExitStatus.ioError)
    }
    if let path, let temporaryPath {
      if fsync(fd) != 0 || close(fd) != 0 || rename(temporaryPath, path) != 0 {
        let message = String(cString: strerror(errno))
        unlink(temporaryPath)
        throw ToolFailure(file: path, "write error: \(message)", status: ExitStatus.ioError)
      }
    }
    committed = true
  }

  /// Runs `body`, which writes to ``buffer``, then commits. When `body` fails, what it
  /// wrote to standard output so far (whole records) is flushed, and a file is abandoned.
  public func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch {
      if path == nil { try? buffer.flush() }
      throw error
    }
    try commit()
  }

  deinit {
    if !committed, let temporaryPath {
      close(fd)
      unlink(temporaryPath)
    }
  }
}
