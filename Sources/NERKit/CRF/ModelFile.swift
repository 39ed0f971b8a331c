/// The binary model file of ner-tag: versioned, checksummed, zero weights pruned.
///
/// Layout (little-endian): the magic bytes `NERTAG\r\n`, a format version (UInt32), the
/// payload's length (UInt64), the payload, and the FNV-1a 64-bit hash of the payload
/// (UInt64). The payload holds metadata pairs, the labels, the attributes that have a
/// non-zero weight (renumbered), the non-zero state weights as (attribute, label,
/// weight) triples, and the full transition matrix. A file that is not a model, of
/// another version, truncated or damaged gives a ``DataError``, never a crash.
///
/// Version 2 holds a neural CRF (``NeuralCRF``): its payload starts with the model kind
/// (UInt32, 1 = neural), then the metadata pairs and the network (see
/// `NeuralModelFile.swift`). Linear CRFs are still written as version 1, so their files
/// are unchanged; both versions are read.
public enum ModelFile {
  public static let magic: [UInt8] = Array("NERTAG\r\n".utf8)
  /// The version of linear CRF files.
  public static let version: UInt32 = 1
  /// The version of neural CRF files.
  public static let neuralVersion: UInt32 = 2

  /// A tagger and the settings it was trained with (languages, scheme, features...).
  public struct Contents: Equatable, Sendable {
    public var metadata: [(String, String)]
    /// The linear CRF; for a neural model, its labels and transitions with no attributes.
    public var tagger: CRFTagger
    /// The neural CRF, when the file holds one.
    public var neural: NeuralCRF?

    public init(metadata: [(String, String)], tagger: CRFTagger) {
      self.metadata = metadata
      self.tagger = tagger
    }

    /// A neural model's contents.
    public init(metadata: [(String, String)], neural: NeuralCRF) {
      self.metadata = metadata
      self.neural = neural
      var model = CRFModel(labelCount: neural.labels.count, attributeCount: 0)
      model.transition = neural.transitions
      tagger = CRFTagger(labels: neural.labels, attributes: [:], model: model)
    }

    public func value(_ key: String) -> String? { metadata.first { $0.0 == key }?.1 }

    public static func == (a: Contents, b: Contents) -> Bool {
      a.metadata.elementsEqual(b.metadata, by: { $0 == $1 }) && a.tagger == b.tagger && a.neural == b.neural
    }
  }

  /// The bytes of a model file.
  public static func encode(_ contents: Contents) -> [UInt8] {
    if let neural = contents.neural { return encodeNeural(contents.metadata, neural) }
    var p = ByteWriter()
    p.u32(UInt32(contents.metadata.count))
    for (k, v) in contents.metadata { p.string(k); p.string(v) }
    let t = contents.tagger
    let L = t.labels.count
    p.u32(UInt32(L))
    for l in t.labels { p.string(l) }
    // Attributes with at least one non-zero weight, in id order.
    let m = t.model
    var names = [String](repeating: "", count: m.attributeCount)
    for (name, id) in t.attributes where id < names.count { names[id] = name }
    var keptNames: [String] = []
    var triples: [(UInt32, UInt32, Double)] = []
    for a in 0..<m.attributeCount {
      let features = m.featureStart[a]..<m.featureStart[a + 1]
      guard features.contains(where: { m.state[$0] != 0 }) else { continue }
      for f in features where m.state[f] != 0 {
        triples.append((UInt32(keptNames.count), UInt32(m.featureLabel[f]), m.state[f]))
      }
      keptNames.append(names[a])
    }
    p.u32(UInt32(keptNames.count))
    for name in keptNames { p.string(name) }
    p.u64(UInt64(triples.count))
    for (a, y, w) in triples { p.u32(a); p.u32(y); p.f64(w) }
    for w in t.model.transition { p.f64(w) }
    return container(p.bytes, version: version)
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

  /// Reads a model file's bytes.
  public static func decode(_ bytes: [UInt8]) throws -> Contents {
    guard bytes.count >= magic.count + 12, Array(bytes[0..<magic.count]) == magic else {
      throw DataError(line: 0, "not a ner-tag model")
    }
    var r = ByteReader(bytes, from: magic.count)
    let v = try r.u32()
    guard v == version || v == neuralVersion else {
      throw DataError(line: 0, "model format version \(v); this ner-tag reads versions \(version) and \(neuralVersion)")
    }
    let length = Int(try r.u64())
    guard length <= bytes.count - r.position - 8 && bytes.count - r.position - 8 == length else {
      throw DataError(line: 0, "damaged model: truncated or too long")
    }
    let payload = Array(bytes[r.position..<(r.position + length)])
    var tail = ByteReader(bytes, from: r.position + length)
    guard try tail.u64() == FNV1a.hash(payload) else { throw DataError(line: 0, "damaged model: checksum mismatch") }
    if v == neuralVersion { return try decodeNeural(payload) }
    var p = ByteReader(payload, from: 0)
    var metadata: [(String, String)] = []
    for _ in 0..<(try p.count(limit: payload.count)) { metadata.append((try p.string(), try p.string())) }
    let L = try p.count(limit: payload.count)
    var labels: [String] = []
    for _ in 0..<L { labels.append(try p.string()) }
    let A = try p.count(limit: payload.count)
    var attributes: [String: Int] = [:]
    for id in 0..<A { attributes[try p.string()] = id }
    let triples = Int(try p.u64())
    guard triples <= payload.count / 16 else { throw DataError(line: 0, "damaged model: bad weight count") }
    var labelsOf = [[Int]](repeating: [], count: A)
    var values: [Double] = []
    values.reserveCapacity(triples)
    var previous = -1
    for _ in 0..<triples {
      let a = Int(try p.u32()), y = Int(try p.u32())
      let w = try p.f64()
      // Triples come by attribute, then label, each once.
      guard a < A, y < L, a * L + y > previous else { throw DataError(line: 0, "damaged model: weight out of range") }
      previous = a * L + y
      labelsOf[a].append(y)
      values.append(w)
    }
    var model = CRFModel(labelCount: L, attributeCount: A) { labelsOf[$0] }
    model.state = values
    for i in 0..<(L * L) { model.transition[i] = try p.f64() }
    guard p.position == payload.count else { throw DataError(line: 0, "damaged model: unexpected trailing bytes") }
    return Contents(metadata: metadata, tagger: CRFTagger(labels: labels, attributes: attributes, model: model))
  }

}

/// Little-endian binary writing.
struct ByteWriter {
  var bytes: [UInt8] = []
  mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
  mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
  mutating func f64(_ v: Double) { u64(v.bitPattern) }
  mutating func string(_ s: String) {
    u32(UInt32(s.utf8.count))
    bytes += Array(s.utf8)
  }
}

/// Little-endian binary reading that fails cleanly past the end.
struct ByteReader {
  let bytes: [UInt8]
  var position: Int
  init(_ bytes: [UInt8], from position: Int) {
    self.bytes = bytes
    self.position = position
  }
  mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
    guard n >= 0, position + n <= bytes.count else { throw DataError(line: 0, "damaged model: truncated") }
    defer { position += n }
    return bytes[position..<(position + n)]
  }
  mutating func u32() throws -> UInt32 {
    var v: UInt32 = 0
    for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
    return v
  }
  mutating func u64() throws -> UInt64 {
    var v: UInt64 = 0
    for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
    return v
  }
  mutating func f64() throws -> Double { Double(bitPattern: try u64()) }
  mutating func string() throws -> String {
    let n = Int(try u32())
    guard let s = String(validating: try take(n), as: UTF8.self) else { throw DataError(line: 0, "damaged model: invalid text") }
    return s
  }
  /// A count that cannot exceed what the remaining bytes could hold.
  mutating func count(limit: Int) throws -> Int {
    let n = Int(try u32())
    guard n <= limit else { throw DataError(line: 0, "damaged model: bad count") }
    return n
  }
}
