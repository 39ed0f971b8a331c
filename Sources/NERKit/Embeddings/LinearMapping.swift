/// A linear map between embedding spaces: `y = W x` for a column vector, so a row-major
/// matrix of vectors X maps to `X Wᵀ` (MUSE's `mapping(x)`, a bias-free `nn.Linear`).
public struct LinearMapping: Sendable, Equatable {
  /// The dimension of the vectors it maps.
  public let inputDimension: Int
  /// The dimension of the vectors it gives.
  public let outputDimension: Int
  /// W, `outputDimension × inputDimension`, row-major.
  public let weights: [Float]

  public init(weights: [Float], outputDimension: Int, inputDimension: Int) {
    precondition(weights.count == outputDimension * inputDimension, "LinearMapping: \(weights.count) weights for \(outputDimension)×\(inputDimension)")
    self.weights = weights
    self.outputDimension = outputDimension
    self.inputDimension = inputDimension
  }

  /// The identity on `dimension`-dimensional vectors.
  public static func identity(dimension: Int) -> LinearMapping {
    var w = [Float](repeating: 0, count: dimension * dimension)
    for i in 0..<dimension { w[i * dimension + i] = 1 }
    return LinearMapping(weights: w, outputDimension: dimension, inputDimension: dimension)
  }

  /// Every vector of `embeddings` mapped (`X Wᵀ`, one `sgemm` per block of 4,096 rows, on
  /// several threads); the words stay.
  public func apply(to embeddings: WordEmbeddings, threads: Int = BatchWorkers<Void>.processorCount) -> WordEmbeddings {
    precondition(embeddings.dimension == inputDimension, "LinearMapping: vectors of \(embeddings.dimension) dimensions, expected \(inputDimension)")
    let n = embeddings.count
    var out = [Float](repeating: 0, count: n * outputDimension)
    embeddings.vectors.withUnsafeBufferPointer { x in
      weights.withUnsafeBufferPointer { w in
        out.withUnsafeMutableBufferPointer { c in
          MatrixProduct.timesTransposedInBlocks(
            x, rows: n, w, rows: outputDimension, columns: inputDimension, into: c, threads: threads)
        }
      }
    }
    return embeddings.replacingVectors(out, dimension: outputDimension)
  }

  /// `W x` for one vector.
  public func apply(_ vector: ArraySlice<Float>) -> [Float] {
    precondition(vector.count == inputDimension)
    return (0..<outputDimension).map { i in
      NeighbourRetrieval.dot(weights[(i * inputDimension)..<((i + 1) * inputDimension)], vector)
    }
  }
}
