import ArgumentParser
import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// Input formats.
public enum InputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Decide from the first non-blank byte: `{` means JSONL.
  case auto, conll, jsonl
}

/// One input: a file, or standard input for `-`; named `<stdin>` in messages.
public final class InputFile {
  public let name: String
  public let lines: LineReader
  private let fd: Int32

  /// Opens `path` (`-` for standard input); failure to open exits 66.
  public init(path: String) throws {
    if path == "-" {
      name = "<stdin>"
      fd = 0
    } else {
      name = path
      fd = open(path, O_RDONLY)
      if fd < 0 {
        throw ToolFailure(file: path, "cannot open: \(String(cString: strerror(errno)))", status: ExitStatus.cannotOpen)
      }
      var st = stat()
      if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw ToolFailure(file: path, "cannot open: is a directory", status: ExitStatus.cannotOpen)
      }
    }
    lines = LineReader(fileDescriptor: fd)
  }

  private var mapping: (UnsafeMutableRawPointer, Int)?

  deinit {
    if let (p, n) = mapping { munmap(p, n) }
    if fd > 0 { close(fd) }
  }

  /// The whole input mapped into memory, when it is a regular file that nothing has
  /// been read from yet (a pipe or terminal gives nil); from the current offset on.
  public func mapped() -> UnsafeBufferPointer<UInt8>? {
    var st = stat()
    guard lines.lineNumber == 0, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    let offset = Int(lseek(fd, 0, SEEK_CUR))
    let size = Int(st.st_size) - offset
    guard offset >= 0, size > 0 else { return nil }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let aligned = offset / page * page
    let length = size + (offset - aligned)
    guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(aligned)), p != MAP_FAILED else { return nil }
    let bytes = UnsafeBufferPointer(start: (p + (offset - aligned)).assumingMemoryBound(to: UInt8.self), count: size)
    // A gzip file is read through ``lines``, which decompresses it.
    guard !(size >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) else {
      munmap(p, length)
      return nil
    }
    madvise(p, length, Int32(MADV_SEQUENTIAL))
    mapping = (p, length)
    return bytes
  }

  /// The paths to read: the arguments, or standard input when there are none.
  public static func paths(_ arguments: [String]) -> [String] { arguments.isEmpty ? ["-"] : arguments }

  /// Runs `body`, giving bad-data and I/O errors this file's name.
  public func located<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as DataError {
      throw ToolFailure.data(e, file: name)
    } catch let e as IOFailure {
      throw ToolFailure(file: name, "read error: \(e.message)", status: ExitStatus.ioError)
    }
  }

  /// The format of this input: as given, or detected from its first non-blank byte.
  public func detect(_ format: InputFormat) throws -> InputFormat {
    if format != .auto { return format }
    return try located { try lines.peekFirstNonBlankByte() == UInt8(ascii: "{") ? .jsonl : .conll }
  }

  /// A record reader for this input.
  public func recordReader(_ format: InputFormat) throws -> RecordReader {
    switch try detect(format) {
    case .jsonl: return JSONLReader(lines: lines)
    default: return CoNLLReader(lines: lines)
    }
  }
}

extension InputFile {
  /// The word vectors in this input (fastText `.vec` text), its first `maxVocab` words
  /// (nil: all); a regular file is mapped, a pipe read whole.
  public func readEmbeddings(maxVocab: Int?) throws -> WordEmbeddings {
    if let bytes = mapped() { return try VecReader.parse(bytes, maxVocab: maxVocab) }
    var all: [UInt8] = []
    while let line = try lines.next() {
      all.append(contentsOf: line.bytes)
      if line.terminated { all.append(0x0A) }
    }
    return try all.withUnsafeBufferPointer { try VecReader.parse($0, maxVocab: maxVocab) }
  }
}
