/// A model's settings as named text fields (`char-dim = 25`), read with their types.
///
/// A missing field takes the default the reader gives (files written before the field
/// existed keep loading); a field no reader asks for is an error at ``finish()``, since a
/// setting this version does not know could change what the model means.
public struct ModelFields: Sendable {
  public private(set) var pairs: [(String, String)]
  private var used: Set<String> = []

  public init(_ pairs: [(String, String)]) { self.pairs = pairs }

  /// The text of a field, or nil.
  public mutating func string(_ key: String) -> String? {
    used.insert(key)
    return pairs.first { $0.0 == key }?.1
  }

  /// A whole number in `range`, or `default` when the field is missing.
  public mutating func int(_ key: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
    guard let text = string(key) else { return value }
    guard let n = Int(text), range.contains(n) else {
      throw DataError(line: 0, "damaged model: field \(key) = '\(text)' is not a number in \(range.lowerBound)...\(range.upperBound)")
    }
    return n
  }

  /// `yes` or `no`, or `default` when the field is missing.
  public mutating func bool(_ key: String, default value: Bool) throws -> Bool {
    guard let text = string(key) else { return value }
    switch text {
    case "yes": return true
    case "no": return false
    default: throw DataError(line: 0, "damaged model: field \(key) = '\(text)' is not yes or no")
    }
  }

  /// Fails on a field no reader asked for.
  public func finish() throws {
    if let unknown = pairs.first(where: { !used.contains($0.0) }) {
      throw DataError(line: 0, "model field '\(unknown.0)' is unknown to this ner-tag (a model from a newer version?)")
    }
  }

  public static func yes(_ b: Bool) -> String { b ? "yes" : "no" }
}

/// A model's arrays as named sections of bytes (little-endian), each read with a
/// ``ByteReader`` that cannot read past the section's end.
public struct ModelSections: Sendable {
  let sections: [String: [UInt8]]
  private var used: Set<String> = []

  public init(_ sections: [String: [UInt8]]) { self.sections = sections }

  /// A reader over the section `name`; a missing section is a damaged model.
  public mutating func reader(_ name: String) throws -> ByteReader {
    used.insert(name)
    guard let bytes = sections[name] else { throw DataError(line: 0, "damaged model: no '\(name)' section") }
    return ByteReader(bytes, from: 0)
  }

  /// Whether the model has a section `name` (for optional parts).
  public func contains(_ name: String) -> Bool { sections[name] != nil }

  /// Fails on a section no reader asked for.
  public func finish() throws {
    if let unknown = sections.keys.sorted().first(where: { !used.contains($0) }) {
      throw DataError(line: 0, "model section '\(unknown)' is unknown to this ner-tag (a model from a newer version?)")
    }
  }
}
