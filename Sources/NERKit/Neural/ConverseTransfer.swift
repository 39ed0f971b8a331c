import Dispatch
import Synchronization

/// The transfer source of the Converse Attention Network (CAN; "Converse Attention
/// Knowledge Transfer for Low-Resource Named Entity Recognition"), built from the
/// suite's own parts: a frozen English neural model's high-level features brought to the
/// words of a low-resource sentence.
///
/// Each sentence is translated into English word by word (``CorpusTranslator`` with
/// ``dictionary``; with the attention's vectors, the reverse-translation score chooses
/// among several translations), the English model's sentence BiLSTM runs over the
/// translation (its states R, n × ``width``, the English model's states under its tag
/// layer), and each source word receives T_i = Σ_j a_ij R_j, A being the attention of
/// ``attention`` (m × n). T joins the low-resource model's own states under its tag
/// layer (``NeuralConfiguration/transferWidth``), or with ``placement`` `.input` its
/// sentence BiLSTM's input (``TransferFeatures``). Where the paper translates with an
/// NMT model and takes its attention, this takes the dictionary translation and its
/// alignment, or soft attention from bilingual vectors with the alignment as prior.
///
/// Nothing here is trained: T is a constant of the sentence, so training computes it
/// once a sentence, and the English model is never changed. (A class, immutable, since
/// the model it serves holds it and it holds a model.)
public final class ConverseTransfer: Sendable, Equatable {
  /// The English model (a neural CRF without a transfer source of its own).
  public let english: NeuralCRF
  /// The low-resource language to English dictionary.
  public let dictionary: BilingualDictionary
  public let attention: TranslationAttention
  /// Whether T also brings the English model's tag scores (its emissions, without
  /// transitions) after its states: the English model's decisions, which a tagger with
  /// little data of its own can use directly.
  public let scores: Bool
  /// Where T joins the tagger: beside its sentence BiLSTM's states under the tag layer
  /// (the paper's place), or in the BiLSTM's input beside each token's own features.
  public let placement: TransferPlacement
  /// Features already computed, by sentence (``caching()``), or nil.
  let cache: FeatureCache?

  public init(english: NeuralCRF, dictionary: BilingualDictionary, attention: TranslationAttention, scores: Bool = false,
              placement: TransferPlacement = .states) throws {
    guard english.transfer == nil else {
      throw DataError(line: 0, "the English model has a transfer source of its own; give a model trained without one")
    }
    if attention.kind == .embedding, attention.source == nil || attention.target == nil {
      throw DataError(line: 0, "embedding attention needs source and target vectors")
    }
    if let s = attention.source, let t = attention.target, s.dimension != t.dimension {
      throw DataError(line: 0, "source vectors of \(s.dimension) dimensions, target vectors of \(t.dimension)")
    }
    self.english = english
    self.dictionary = dictionary
    self.attention = attention
    self.scores = scores
    self.placement = placement
    cache = nil
  }

  private init(_ other: ConverseTransfer, cache: FeatureCache?) {
    english = other.english
    dictionary = other.dictionary
    attention = other.attention
    scores = other.scores
    placement = other.placement
    self.cache = cache
  }

  /// The same source, remembering the features of the sentences it sees (up to
  /// `capacity` floats in all): for a training run's development set, scored after every
  /// epoch, whose features never change.
  public func caching(capacity: Int = 50_000_000) -> ConverseTransfer { ConverseTransfer(self, cache: FeatureCache(capacity: capacity)) }

  public static func == (a: ConverseTransfer, b: ConverseTransfer) -> Bool {
    a === b || (a.english == b.english && a.dictionary == b.dictionary && a.attention == b.attention && a.scores == b.scores
                  && a.placement == b.placement)
  }

  /// The columns of T: the English model's state width (and its label count with
  /// ``scores``).
  public var width: Int { english.configuration.stateWidth + (scores ? english.labels.count : 0) }

  /// A sentence's English translation, word by word, and the attention rows of its words
  /// (``TranslationAttention/rows(_:_:)``).
  public func translate(_ tokens: [String]) -> (english: [String], rows: [[(index: Int, weight: Float)]]) {
    var translator = CorpusTranslator(dictionary: dictionary)
    if let s = attention.source, let t = attention.target {
      translator.scorer = ReverseTranslationScorer(source: EmbeddingVectors(s), target: EmbeddingVectors(t))
    }
    var statistics = TranslationStatistics()
    return attention.translate(tokens, with: translator, statistics: &statistics)
  }

  /// Sentences the English model reads in one pass.
  static let chunk = 32

  /// T (tokens × ``width``, row-major) of each sentence; empty for an empty sentence.
  /// The English model reads the translations ``chunk`` sentences at a time, on the
  /// cores when `threads` > 1; the result does not depend on the number of threads.
  public func features(_ sentences: [[String]], threads: Int = 1) -> [[Float]] {
    let chunks = stride(from: 0, to: sentences.count, by: Self.chunk).map { $0..<min(sentences.count, $0 + Self.chunk) }
    let out = UnsafeMutableBufferPointer<[Float]>.allocate(capacity: sentences.count)
    out.initialize(repeating: [])
    defer { out.deallocate() }
    let box = UnsafeSendable(out)
    let work: @Sendable (Int) -> Void = { c in
      let range = chunks[c]
      guard let cache = self.cache else {
        for (k, f) in zip(range, self.chunkFeatures(Array(sentences[range]))) { box.value[k] = f }
        return
      }
      var missing: [Int] = []
      for k in range {
        if let f = cache.features(of: sentences[k]) { box.value[k] = f } else { missing.append(k) }
      }
      for (k, f) in zip(missing, self.chunkFeatures(missing.map { sentences[$0] })) {
        box.value[k] = f
        cache.remember(f, of: sentences[k])
      }
    }
    if threads > 1 && chunks.count > 1 {
      DispatchQueue.concurrentPerform(iterations: chunks.count, execute: work)
    } else {
      for c in chunks.indices { work(c) }
    }
    return Array(out)
  }

  private func chunkFeatures(_ sentences: [[String]]) -> [[Float]] {
    let W = width
    var translated: [(english: [String], rows: [[(index: Int, weight: Float)]])] = []
    var encoded: [EncodedSentence] = []
    for tokens in sentences where !tokens.isEmpty {
      let t = translate(tokens)
      translated.append(t)
      encoded.append(english.encode(t.english, language: nil))
    }
    let states = english.sentenceStates(encoded, scores: scores)
    var k = 0
    return sentences.map { tokens in
      guard !tokens.isEmpty else { return [] }
      let (rows, R) = (translated[k].rows, states[k])
      k += 1
      var T = [Float](repeating: 0, count: rows.count * W)
      T.withUnsafeMutableBufferPointer { t in
        R.withUnsafeBufferPointer { r in
          for (i, row) in rows.enumerated() {
            for (j, a) in row {
              for c in 0..<W { t[i * W + c] += a * r[j * W + c] }
            }
          }
        }
      }
      return T
    }
  }
}

/// Where the transfer features T join a tagger (``ConverseTransfer/placement``).
public enum TransferPlacement: String, CaseIterable, Sendable {
  /// Beside the sentence BiLSTM's states, under the tag layer (CAN).
  case states
  /// In the sentence BiLSTM's input, beside each token's characters and word embedding:
  /// the BiLSTM can weigh the English features against the word's own and its context's.
  case input
}

/// Features by sentence, shared by threads, bounded in size (once full, it keeps what it
/// has).
final class FeatureCache: Sendable {
  private let state: Mutex<(features: [[String]: [Float]], floats: Int)>
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    state = Mutex(([:], 0))
  }

  func features(of tokens: [String]) -> [Float]? { state.withLock { $0.features[tokens] } }

  func remember(_ f: [Float], of tokens: [String]) {
    state.withLock { s in
      guard s.floats + f.count <= capacity, s.features[tokens] == nil else { return }
      s.features[tokens] = f
      s.floats += f.count
    }
  }
}
