import NERKit

/// Embedding files, read with diagnostics that name them.
public enum EmbeddingFiles {
  /// Reads a `.vec` file; bad data exits 65 with the file and line, a missing file 66.
  public static func load(_ path: String, maxVocab: Int?) throws -> WordEmbeddings {
    let input = try InputFile(path: path)
    return try input.located { try input.readEmbeddings(maxVocab: maxVocab) }
  }

  /// Reads a mapping written by `align --save-mapping`.
  public static func loadMapping(_ path: String) throws -> LinearMapping {
    let text = try readText(path)
    do {
      return try MappingFile.parse(text)
    } catch let e as DataError {
      throw ToolFailure.data(e, file: path)
    }
  }

  /// Reads a whole text file (dictionaries, mappings).
  public static func readText(_ path: String) throws -> String {
    let input = try InputFile(path: path)
    return try input.located { try input.lines.readAllText() }
  }

  /// Parses a dictionary of words against two vocabularies, with the file's name on errors.
  public static func indexDictionary(_ path: String, source: WordEmbeddings, target: WordEmbeddings) throws -> IndexDictionary {
    let text = try readText(path)
    do {
      return try IndexDictionary(parsing: text, source: source, target: target)
    } catch let e as DataError {
      throw ToolFailure.data(e, file: path)
    }
  }

  /// `source` mapped by `mapping` when there is one, with the dimensions checked.
  /// A dimension mismatch names both files (the target's as the file in error).
  public static func mapped(
    _ source: WordEmbeddings, _ mapping: LinearMapping?, paths: (source: String, mapping: String?, target: String),
    target: WordEmbeddings
  ) throws -> WordEmbeddings {
    var source = source
    if let mapping {
      guard mapping.inputDimension == source.dimension else {
        throw ToolFailure(file: paths.mapping, "the mapping takes \(mapping.inputDimension)-dimensional vectors; the source embeddings \(paths.source) have \(source.dimension)", status: ExitStatus.dataError)
      }
      source = mapping.apply(to: source)
    }
    if target.dimension != source.dimension {
      let mapped = paths.mapping.map { " mapped by \($0)" } ?? ""
      throw ToolFailure(
        file: paths.target,
        "vectors of \(target.dimension) dimensions; the source embeddings \(paths.source)\(mapped) have \(source.dimension)",
        status: ExitStatus.dataError)
    }
    return source
  }
}
