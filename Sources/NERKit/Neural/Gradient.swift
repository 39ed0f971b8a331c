/// The gradient of one batch (or shard): dense for the shared weights, by rows for the
/// word embeddings (only the rows of the batch's words).
final class Gradient {
  let dense: FloatBuffer
  let wordDim: Int
  /// Languages whose embeddings are frozen (all rows but the unknown word's).
  let frozen: [Bool]
  private(set) var slots: [Int: Int] = [:]
  /// `(language << 32) | word` of each row, in order of first use.
  private(set) var keys: [Int] = []
  var rows: [Float] = []

  init(parameterCount: Int, wordDim: Int, frozen: [Bool]) {
    dense = FloatBuffer(parameterCount)
    self.wordDim = wordDim
    self.frozen = frozen
  }

  func reset() {
    dense.zero()
    slots.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
  }

  /// The slot of a word's row (created at zero), or nil when that row is frozen.
  func slot(language: Int, word: Int) -> Int? {
    if word != 0 && language < frozen.count && frozen[language] { return nil }
    let key = language << 32 | word
    if let s = slots[key] { return s }
    let s = keys.count
    slots[key] = s
    keys.append(key)
    rows.append(contentsOf: repeatElement(0, count: wordDim))
    return s
  }

  /// Adds another gradient into this one (rows of `other` new here come after ours).
  func add(_ other: Gradient) {
    let a = dense.pointer, b = other.dense.pointer
    for i in 0..<dense.count { a[i] += b[i] }
    for (k, key) in other.keys.enumerated() {
      let s = slot(language: key >> 32, word: key & 0xFFFF_FFFF)!
      for d in 0..<wordDim { rows[s * wordDim + d] += other.rows[k * wordDim + d] }
    }
  }

  /// The squared Euclidean norm.
  var squaredNorm: Double {
    var s = 0.0
    for i in 0..<dense.count { s += Double(dense.pointer[i]) * Double(dense.pointer[i]) }
    for v in rows { s += Double(v) * Double(v) }
    return s
  }

  func scale(_ f: Float) {
    for i in 0..<dense.count { dense.pointer[i] *= f }
    for i in rows.indices { rows[i] *= f }
  }
}
