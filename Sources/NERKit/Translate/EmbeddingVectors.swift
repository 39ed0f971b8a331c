/// Word vectors of a ``WordEmbeddings`` as translation scoring reads them.
public struct EmbeddingVectors: TranslationVectors {
  public let embeddings: WordEmbeddings
  public init(_ embeddings: WordEmbeddings) { self.embeddings = embeddings }
  public func vector(for word: String) -> [Float]? { embeddings.vector(for: word).map(Array.init) }
}
