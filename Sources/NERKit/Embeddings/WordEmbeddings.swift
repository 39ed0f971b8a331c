/// Word vectors: a vocabulary and one vector of `dimension` floats per word, stored as one
/// row-major matrix (row `i` is the vector of `words[i]`).
///
/// Rows keep file order, which for fastText and MUSE files is frequency order, so the
/// first rows are the most frequent words (``DictionaryInduction`` relies on it). Words
/// are unique: ``index(of:)`` is a dictionary lookup.
public struct WordEmbeddings: Sendable, Equatable {
  /// The vocabulary, one word per row, unique.
  public private(set) var words: [String]
  /// The number of floats in each vector.
  public let dimension: Int
  /// `count × dimension` floats, row-major.
  public private(set) var vectors: [Float]
  private var rowOfWord: [String: Int]

  /// Embeddings from a vocabulary and its vectors (`words.count × dimension` floats,
  /// row-major). When a word occurs twice, the later row is dropped with its vector
  /// (as MUSE does on reading).
  public init(words: [String], dimension: Int, vectors: [Float]) {
    precondition(dimension > 0, "WordEmbeddings: dimension must be positive")
    precondition(vectors.count == words.count * dimension, "WordEmbeddings: \(words.count) words need \(words.count * dimension) values, not \(vectors.count)")
    var rowOfWord = [String: Int](minimumCapacity: words.count)
    var duplicates: [Int] = []
    for (i, word) in words.enumerated() where rowOfWord.updateValue(rowOfWord[word] ?? i, forKey: word) != nil {
      duplicates.append(i)
    }
    self.dimension = dimension
    if duplicates.isEmpty {
      self.words = words
      self.vectors = vectors
      self.rowOfWord = rowOfWord
    } else {
      let drop = Set(duplicates)
      var keptWords: [String] = []
      var keptVectors: [Float] = []
      keptWords.reserveCapacity(words.count - drop.count)
      keptVectors.reserveCapacity((words.count - drop.count) * dimension)
      for i in words.indices where !drop.contains(i) {
        keptWords.append(words[i])
        keptVectors.append(contentsOf: vectors[(i * dimension)..<((i + 1) * dimension)])
      }
      self.words = keptWords
      self.vectors = keptVectors
      self.rowOfWord = Dictionary(uniqueKeysWithValues: keptWords.enumerated().map { ($1, $0) })
    }
  }

  /// Embeddings whose words are known to be unique, with their row dictionary (readers).
  init(uniqueWords words: [String], dimension: Int, vectors: [Float], rowOfWord: [String: Int]) {
    precondition(dimension > 0 && vectors.count == words.count * dimension && rowOfWord.count == words.count)
    self.words = words
    self.dimension = dimension
    self.vectors = vectors
    self.rowOfWord = rowOfWord
  }

  /// The number of words (rows).
  public var count: Int { words.count }

  /// The row of `word`, or nil when it is not in the vocabulary. Exact match: no case folding.
  public func index(of word: String) -> Int? { rowOfWord[word] }

  /// The vector of row `index`.
  public func vector(at index: Int) -> ArraySlice<Float> {
    precondition(index >= 0 && index < count, "WordEmbeddings: row \(index) out of range")
    return vectors[(index * dimension)..<((index + 1) * dimension)]
  }

  /// The vector of `word`, or nil when it is not in the vocabulary.
  public func vector(for word: String) -> ArraySlice<Float>? {
    index(of: word).map { vector(at: $0) }
  }

  /// The first `n` rows (all of them when `n >= count`).
  public func prefix(_ n: Int) -> WordEmbeddings {
    let n = max(0, min(n, count))
    if n == count { return self }
    var copy = self
    copy.words = Array(words[..<n])
    copy.vectors = Array(vectors[..<(n * dimension)])
    copy.rowOfWord = Dictionary(uniqueKeysWithValues: copy.words.enumerated().map { ($1, $0) })
    return copy
  }

  /// The same words with other vectors (`count × dimension'` floats).
  func replacingVectors(_ vectors: [Float], dimension: Int) -> WordEmbeddings {
    precondition(vectors.count == count * dimension)
    if dimension == self.dimension {
      var copy = self
      copy.vectors = vectors
      return copy
    }
    return WordEmbeddings(words: words, dimension: dimension, vectors: vectors)
  }

  /// Scales every vector to unit Euclidean length (norms summed in Double). A zero vector
  /// stays zero.
  public mutating func normalize() {
    let d = dimension, n = count
    vectors.withUnsafeMutableBufferPointer { v in
      for row in 0..<n {
        let base = row * d
        var sum = 0.0
        for j in 0..<d { sum += Double(v[base + j]) * Double(v[base + j]) }
        guard sum > 0 else { continue }
        let scale = Float(1 / sum.squareRoot())
        for j in 0..<d { v[base + j] *= scale }
      }
    }
  }

  /// Copy with unit-length vectors (``normalize()``).
  public func normalized() -> WordEmbeddings {
    var copy = self
    copy.normalize()
    return copy
  }

  /// Subtracts the mean vector (over all rows, summed in Double) from every vector.
  public mutating func center() {
    guard count > 0 else { return }
    let d = dimension, n = count
    var mean = [Double](repeating: 0, count: d)
    vectors.withUnsafeMutableBufferPointer { v in
      for row in 0..<n {
        for j in 0..<d { mean[j] += Double(v[row * d + j]) }
      }
      let m = mean.map { Float($0 / Double(n)) }
      for row in 0..<n {
        for j in 0..<d { v[row * d + j] -= m[j] }
      }
    }
  }

  /// Copy with the mean vector subtracted (``center()``).
  public func centered() -> WordEmbeddings {
    var copy = self
    copy.center()
    return copy
  }

  public static func == (a: WordEmbeddings, b: WordEmbeddings) -> Bool {
    a.dimension == b.dimension && a.words == b.words && a.vectors == b.vectors
  }
}
