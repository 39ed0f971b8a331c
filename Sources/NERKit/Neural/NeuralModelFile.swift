/// The neural CRF inside the model container (format version 2).
///
/// Payload, little-endian: kind (UInt32, 1 = neural); the metadata pairs; the sizes
/// charDim, charHidden, wordDim, hidden, languageDim (UInt32 each) and flags (UInt32:
/// 1 shared directions, 2 lowercase, 4 digit masking, 8 a sentence BiLSTM layer count
/// other than 1 follows as a UInt32); the labels, the languages, the
/// characters (UInt32 scalar values), each language's vocabulary (strings, each list
/// preceded by its count); the parameter vector and each language's embedding table
/// (UInt64 count, then Float32 values).
extension ModelFile {
  static let neuralKind: UInt32 = 1

  static func encodeNeural(_ metadata: [(String, String)], _ m: NeuralCRF) -> [UInt8] {
    var p = ByteWriter()
    p.bytes.reserveCapacity(4 * (m.parameters.count + m.embeddings.reduce(0) { $0 + $1.count }) + 1 << 16)
    p.u32(neuralKind)
    p.u32(UInt32(metadata.count))
    for (k, v) in metadata { p.string(k); p.string(v) }
    let c = m.configuration
    for n in [c.charDim, c.charHidden, c.wordDim, c.hidden, c.languageDim] { p.u32(UInt32(n)) }
    p.u32((c.shareDirections ? 1 : 0) | (c.lower ? 2 : 0) | (c.maskDigits ? 4 : 0) | (c.layers != 1 ? 8 : 0))
    if c.layers != 1 { p.u32(UInt32(c.layers)) }
    func strings(_ list: [String]) {
      p.u32(UInt32(list.count))
      for s in list { p.string(s) }
    }
    strings(m.labels)
    strings(m.languages)
    p.u32(UInt32(m.characters.count))
    for ch in m.characters { p.u32(ch) }
    for v in m.vocabularies { strings(v) }
    p.floats(m.parameters)
    for e in m.embeddings { p.floats(e) }
    return container(p.bytes, version: neuralVersion)
  }

  static func decodeNeural(_ payload: [UInt8]) throws -> Contents {
    var p = ByteReader(payload, from: 0)
    let limit = payload.count
    guard try p.u32() == neuralKind else { throw DataError(line: 0, "damaged model: unknown model kind") }
    var metadata: [(String, String)] = []
    for _ in 0..<(try p.count(limit: limit)) { metadata.append((try p.string(), try p.string())) }
    var c = NeuralConfiguration()
    var sizes: [Int] = []
    for _ in 0..<5 {
      let n = Int(try p.u32())
      guard n <= 100_000 else { throw DataError(line: 0, "damaged model: bad layer size") }
      sizes.append(n)
    }
    c.charDim = sizes[0]
    c.charHidden = sizes[1]
    c.wordDim = sizes[2]
    c.hidden = sizes[3]
    c.languageDim = sizes[4]
    guard sizes[0...3].allSatisfy({ $0 > 0 }) else { throw DataError(line: 0, "damaged model: bad layer size") }
    let flags = try p.u32()
    c.shareDirections = flags & 1 != 0
    c.lower = flags & 2 != 0
    c.maskDigits = flags & 4 != 0
    if flags & 8 != 0 {
      c.layers = Int(try p.u32())
      guard (2...100).contains(c.layers) else { throw DataError(line: 0, "damaged model: bad layer count") }
    }
    func strings() throws -> [String] {
      var list: [String] = []
      for _ in 0..<(try p.count(limit: limit)) { list.append(try p.string()) }
      return list
    }
    let labels = try strings()
    let languages = try strings()
    guard !labels.isEmpty, !languages.isEmpty else { throw DataError(line: 0, "damaged model: no labels or languages") }
    var characters: [UInt32] = []
    for _ in 0..<(try p.count(limit: limit)) { characters.append(try p.u32()) }
    var vocabularies: [[String]] = []
    for _ in languages { vocabularies.append(try strings()) }
    let layout = ParameterLayout(c, characters: characters.count, languages: languages.count, labels: labels.count)
    let parameters = try p.floats(expected: layout.count)
    var embeddings: [[Float]] = []
    for v in vocabularies { embeddings.append(try p.floats(expected: (v.count + 1) * c.wordDim)) }
    guard p.position == payload.count else { throw DataError(line: 0, "damaged model: unexpected trailing bytes") }
    let model = NeuralCRF(configuration: c, labels: labels, languages: languages, characters: characters,
                          vocabularies: vocabularies, parameters: parameters, embeddings: embeddings)
    return Contents(metadata: metadata, neural: model)
  }
}

extension ByteWriter {
  /// A count (UInt64) and Float32 values.
  mutating func floats(_ values: [Float]) {
    u64(UInt64(values.count))
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: 4 * values.count))
    bytes.withUnsafeMutableBufferPointer { out in
      for (i, v) in values.enumerated() {
        let b = v.bitPattern.littleEndian
        withUnsafeBytes(of: b) { raw in
          for k in 0..<4 { out[start + 4 * i + k] = raw[k] }
        }
      }
    }
  }
}

extension ByteReader {
  /// A count that must be `expected`, and that many Float32 values.
  mutating func floats(expected: Int) throws -> [Float] {
    let n = try u64()
    guard n == UInt64(expected) else { throw DataError(line: 0, "damaged model: \(n) weights where the layout needs \(expected)") }
    let raw = try take(4 * expected)
    var out = [Float](repeating: 0, count: expected)
    raw.withUnsafeBufferPointer { b in
      for i in 0..<expected {
        let bits = UInt32(b[4 * i]) | UInt32(b[4 * i + 1]) << 8 | UInt32(b[4 * i + 2]) << 16 | UInt32(b[4 * i + 3]) << 24
        out[i] = Float(bitPattern: bits)
      }
    }
    return out
  }
}
