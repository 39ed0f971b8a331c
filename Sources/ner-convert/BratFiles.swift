import NERCLI
import NERKit

#if canImport(Glibc)
import Glibc
#endif

/// The files of brat standoff: a document is `NAME.txt` with `NAME.ann` beside it.
enum BratFiles {
  /// The `.txt` files the arguments name: a `.txt` file as it is, an `.ann` file's `.txt`,
  /// and every `.txt` file of a folder, in the order of their names.
  static func textFiles(_ arguments: [String]) throws -> [String] {
    var paths: [String] = []
    for a in arguments {
      guard a != "-" else { throw ToolFailure("brat input is files (NAME.txt beside NAME.ann) or folders of them, not standard input", status: ExitStatus.usage) }
      var st = stat()
      if stat(a, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
        paths += try folder(a)
      } else if a.hasSuffix(".ann") {
        paths.append(String(a.dropLast(4)) + ".txt")
      } else {
        paths.append(a)
      }
    }
    return paths
  }

  /// The `.txt` files of a folder, sorted by name.
  private static func folder(_ path: String) throws -> [String] {
    guard let dir = opendir(path) else {
      throw ToolFailure(file: path, "cannot open: \(String(cString: strerror(errno)))", status: ExitStatus.cannotOpen)
    }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
      if name.hasSuffix(".txt") && !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
  }

  /// The document of the `.txt` input `file` and the `.ann` file beside it.
  static func source(_ file: InputFile) throws -> DocumentSource {
    let base = file.name.hasSuffix(".txt") ? String(file.name.dropLast(4)) : file.name
    let annotations = try InputFile(path: base + ".ann")
    var id = base
    if let slash = id.lastIndex(of: "/") { id = String(id[id.index(after: slash)...]) }
    return Document(text: file, annotations: annotations, id: id)
  }

  /// A brat document: keeps the `.ann` file open while it is read, and warns of the
  /// lines it does not convert.
  final class Document: DocumentSource {
    let annotations: InputFile
    let reader: BratReader

    init(text: InputFile, annotations: InputFile, id: String) {
      self.annotations = annotations
      reader = BratReader(text: text.lines, annotations: annotations.lines, id: id, annotationFile: annotations.name)
    }

    func nextDocument() throws -> OffsetDocument? {
      let d = try reader.nextDocument()
      if d != nil, reader.otherLines > 0 {
        Diagnostics.warning(
          tool: "ner-convert", file: annotations.name,
          "\(reader.otherLines) lines other than T lines (relations, events, attributes, notes) are not converted")
      }
      return d
    }
  }

  /// Writes each document's `NAME.txt` and `NAME.ann` into `directory` (made if missing),
  /// each atomically.
  static func saver(_ directory: String?) throws -> (String, String, String) throws -> Void {
    guard let directory else {
      throw ToolFailure("--to brat writes a folder of NAME.txt and NAME.ann files: give it with -o FOLDER", status: ExitStatus.usage)
    }
    if mkdir(directory, 0o755) != 0 && errno != EEXIST {
      throw ToolFailure(file: directory, "cannot create: \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
    }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    return { name, text, annotations in
      for (suffix, content) in [(".txt", text), (".ann", annotations)] {
        let target = try OutputTarget(path: base + name + suffix)
        try target.run { try target.buffer.write(content) }
      }
    }
  }
}
