/// The binary model file of ner-tag: versioned, checksummed, one kind per file.
///
/// Container (little-endian): the magic bytes `NERTAG\r\n`, a format version (UInt32),
/// the payload's length (UInt64), the payload, and the FNV-1a 64-bit hash of the
/// payload (UInt64). A file that is not a model, of another version, truncated,
/// damaged or inconsistent gives a ``DataError``, never a crash.
///
/// Version 3 (written today), payload: the kind's name (string); the training metadata
/// (count, then key and value strings); the kind's configuration fields (the same
/// form); the sections (count, then each a name string, a UInt64 length and that many
/// bytes). Strings are a UInt32 byte count and UTF-8. Versions 1 (linear CRF) and 2
/// (neural CRF), written before, are read too (``LegacyModelFile``).
public enum ModelFile {
  public static let magic: [UInt8] = Array("NERTAG\r\n".utf8)
  /// The version written.
  public static let version: UInt32 = 3

  /// The bytes of a model file.
  public static func encode(_ trained: TrainedModel) -> [UInt8] {
    var p = ByteWriter()
    p.string(trained.kind)
    p.pairs(trained.metadata)
    p.pairs(trained.model.fields)
    let sections = trained.model.sections()
    p.u32(UInt32(sections.count))
    for (name, bytes) in sections {
      p.string(name)
      p.u64(UInt64(bytes.count))
      p.bytes += bytes
    }
    return container(p.bytes, version: version)
  }

  /// Reads a model file's bytes.
  public static func decode(_ bytes: [UInt8]) throws -> TrainedModel {
    let (version, payload) = try unpack(bytes)
    switch version {
    case 1: return try LegacyModelFile.decodeLinear(payload)
    case 2: return try LegacyModelFile.decodeNeural(payload)
    default: return try decodeSections(payload)
    }
  }

  /// Reads the bytes of a model file held inside another's section (a transfer source's
  /// model), of version 3; `refusing` names a section it must not have, so that models
  /// cannot nest without end.
  static func decodeNested(_ bytes: [UInt8], refusing: String) throws -> TrainedModel {
    let (version, payload) = try unpack(bytes)
    guard version == ModelFile.version else { throw DataError(line: 0, "damaged model: a nested model of version \(version)") }
    return try decodeSections(payload, refusing: refusing)
  }

  static func decodeSections(_ payload: [UInt8], refusing: String? = nil) throws -> TrainedModel {
    let p = ByteReader(payload, from: 0)
    let kind = try p.string()
    guard let type = ModelKinds.named(kind) else {
      // A damaged name can hold anything: shown short, control characters as '?', so the
      // message stays one line.
      let shown = String(String.UnicodeScalarView(kind.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
      throw DataError(line: 0, "model of kind '\(shown)'; this ner-tag knows \(ModelKinds.names.joined(separator: ", "))")
    }
    let metadata = try p.pairs()
    var fields = ModelFields(try p.pairs())
    var sections: [String: [UInt8]] = [:]
    for _ in 0..<(try p.count(limit: payload.count)) {
      let name = try p.string()
      let length = try p.u64()
      guard length <= UInt64(payload.count - p.position) else { throw DataError(line: 0, "damaged model: section '\(name)' too long") }
      guard sections[name] == nil else { throw DataError(line: 0, "damaged model: section '\(name)' twice") }
      guard name != refusing else { throw DataError(line: 0, "damaged model: a nested model with a '\(name)' section") }
      sections[name] = Array(try p.take(Int(length)))
    }
    guard p.position == payload.count else { throw DataError(line: 0, "damaged model: unexpected trailing bytes") }
    var parts = ModelSections(sections)
    let model = try type.init(configuration: &fields, sections: &parts)
    try fields.finish()
    try parts.finish()
    return TrainedModel(model, metadata: metadata)
  }

  /// The magic, version, length, payload and checksum around a payload.
  static func container(_ payload: [UInt8], version: UInt32) -> [UInt8] {
    var out = ByteWriter()
    out.bytes.reserveCapacity(payload.count + 28)
    out.bytes += magic
    out.u32(version)
    out.u64(UInt64(payload.count))
    out.bytes += payload
    out.u64(FNV1a.hash(payload))
    return out.bytes
  }

  /// The version and payload of a container, its length and checksum checked.
  static func unpack(_ bytes: [UInt8]) throws -> (UInt32, [UInt8]) {
    guard bytes.count >= magic.count + 20, Array(bytes[0..<magic.count]) == magic else {
      throw DataError(line: 0, "not a ner-tag model")
    }
    let r = ByteReader(bytes, from: magic.count)
    let v = try r.u32()
    guard (1...version).contains(v) else {
      throw DataError(line: 0, "model format version \(v); this ner-tag reads versions 1 to \(version)")
    }
    // Compared as UInt64: a length with its top bit set is damage, not a trap.
    guard try r.u64() == UInt64(bytes.count - r.position - 8) else {
      throw DataError(line: 0, "damaged model: truncated or too long")
    }
    let payload = Array(bytes[r.position..<(bytes.count - 8)])
    let tail = ByteReader(bytes, from: bytes.count - 8)
    guard try tail.u64() == FNV1a.hash(payload) else { throw DataError(line: 0, "damaged model: checksum mismatch") }
    return (v, payload)
  }
}
