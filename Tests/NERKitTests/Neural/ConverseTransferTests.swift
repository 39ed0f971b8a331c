import Foundation
import Testing

@testable import NERKit

/// The converse attention transfer (CAN): attention rows, the features T = A·R, the
/// augmented tag layer's gradients, the frozen English model, the model file.
struct ConverseTransferTests {
  /// A small English model (trained a few epochs, so its states are not the initial ones).
  static func english() -> NeuralCRF {
    var corpus = NeuralCorpus(labels: ["O", "B-PER", "B-LOC"])
    corpus.add(tokens: ["Mr", "Smith", "left"], labels: [0, 1, 0], language: "en", weight: 1)
    corpus.add(tokens: ["in", "Lima", "yesterday"], labels: [0, 2, 0], language: "en", weight: 1)
    var c = NeuralGradientTests.smallConfiguration()
    c.hidden = 2
    let model = corpus.makeModel(configuration: c, seed: 5)
    var o = NeuralTrainer.Options()
    o.epochs = 3
    o.threads = 1
    return NeuralTrainer.train(model, corpus: corpus, options: o).model
  }

  static func dictionary() -> BilingualDictionary {
    var d = BilingualDictionary()
    d.add(source: "en", target: ["in"])
    d.add(source: "ayer", target: ["yesterday"])
    d.add(source: "sr", target: ["Mr"])
    d.add(source: "salió", target: ["went", "out"])
    return d
  }

  /// Vectors in which `ayer` lies on `yesterday` and `en` on `left` (not its translation).
  static func vectors() -> (WordEmbeddings, WordEmbeddings) {
    let source = WordEmbeddings(words: ["ayer", "en", "Lima"], dimension: 3, vectors: [1, 0, 0, 0, 1, 0, 0, 0, 1])
    let target = WordEmbeddings(words: ["yesterday", "left", "in", "Lima"], dimension: 3,
                                vectors: [1, 0, 0, 0, 1, 0, 0.2, 0.2, 0.9, 0, 0, 1])
    return (source, target)
  }

  static func transfer(_ kind: AttentionKind = .alignment, placement: TransferPlacement = .states) throws -> ConverseTransfer {
    let (s, t) = vectors()
    return try ConverseTransfer(english: english(), dictionary: dictionary(),
                                attention: TranslationAttention(kind: kind, source: s, target: t), placement: placement)
  }

  /// The states under the tag layer of one pass over `data` (tokens × state width), and
  /// each sentence's first row.
  static func passStates(_ model: NeuralCRF, _ data: [EncodedSentence], _ dropout: Dropout?) -> (states: [Float], starts: [Int]) {
    model.parameters.withUnsafeBufferPointer { p in
      let pass = NetworkPass(model: model, p.baseAddress!, data, dropout: dropout)
      return (Array(UnsafeBufferPointer(start: pass.states.pointer, count: pass.states.count)), pass.sentenceStart)
    }
  }

  @Test func alignmentRows() {
    let a = TranslationAttention(kind: .alignment)
    let rows = a.rows(["Sr", "salió", "ayer"], [["Mr"], ["went", "out"], ["yesterday"]])
    #expect(rows.count == 3)
    for row in rows { #expect(abs(row.reduce(0) { $0 + $1.weight } - 1) < 1e-6) }
    // A word translated into one English word attends to it alone.
    #expect(rows[0].map(\.index) == [0] && rows[0][0].weight == 1)
    #expect(rows[2].map(\.index) == [3] && rows[2][0].weight == 1)
    #expect(rows[1].map(\.index) == [1, 2] && rows[1].allSatisfy { $0.weight == 0.5 })
  }

  @Test func embeddingRows() {
    let (s, t) = Self.vectors()
    let a = TranslationAttention(kind: .embedding, temperature: 0.1, window: 2, source: s, target: t)
    let tokens = ["en", "Lima", "ayer", "xyz"]
    let words = [["in"], ["Lima"], ["yesterday"], ["xyz"]]
    let rows = a.rows(tokens, words)
    for row in rows { #expect(abs(row.reduce(0) { $0 + $1.weight } - 1) < 1e-5) }
    // Vectors move the weight: ayer's vector is yesterday's.
    #expect(rows[2].max { $0.weight < $1.weight }!.index == 2)
    #expect(rows[1].max { $0.weight < $1.weight }!.index == 1)
    // A word without a vector keeps the prior: its own translation first, then e^-1 a step.
    let prior = rows[3]
    #expect(prior.map(\.index) == [1, 2, 3])
    #expect(abs(prior[1].weight / prior[2].weight - Float(exp(-1.0))) < 1e-4)
    // The window bounds every row: linear work in the sentence's length.
    let long = TranslationAttention(kind: .embedding, window: 3, source: s, target: t)
      .rows(Array(repeating: "en", count: 1000), Array(repeating: ["in"], count: 1000))
    #expect(long.allSatisfy { $0.count <= 7 })
  }

  /// T_i is the English state of the word that word i became (alignment, one word each),
  /// and the mean of its words' states for a word translated into two.
  @Test func featuresAreAttendedEnglishStates() throws {
    let transfer = try Self.transfer()
    let tokens = ["Sr", "Lima", "salió", "ayer"]
    let (english, rows) = transfer.translate(tokens)
    #expect(english == ["Mr", "Lima", "went", "out", "yesterday"])
    #expect(rows.count == 4)
    let R = transfer.english.sentenceStates([transfer.english.encode(english, language: nil)])[0]
    let T = transfer.features([tokens, []])
    let W = transfer.width
    #expect(W == 4 && T[1].isEmpty && T[0].count == 4 * W)
    for c in 0..<W {
      #expect(abs(T[0][c] - R[c]) < 1e-6)
      #expect(abs(T[0][3 * W + c] - R[4 * W + c]) < 1e-6)
      #expect(abs(T[0][2 * W + c] - (R[2 * W + c] + R[3 * W + c]) / 2) < 1e-6)
    }
    // The same features on two threads as on one, and from a cache (the second time).
    let many = (0..<70).map { $0 % 3 == 0 ? tokens : ["Sr", "Lima", "\($0)"] }
    let once = transfer.features(many, threads: 1)
    #expect(transfer.features(many, threads: 2) == once)
    let cached = transfer.caching()
    #expect(cached == transfer && cached.features(many, threads: 2) == once && cached.features(many) == once)
    #expect(cached.cache!.features(of: tokens) == once[0])
    let tiny = transfer.caching(capacity: 2 * W * 4)
    #expect(tiny.features(many) == once && tiny.features(many) == once)
  }

  /// The augmented tag layer's gradients against finite differences, with both kinds
  /// of attention, with and without dropout and language encoders.
  @Test func gradients() throws {
    let g = NeuralGradientTests()
    g.checkNetwork(shareDirections: false, dropout: nil, transfer: try Self.transfer())
    g.checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2), transfer: try Self.transfer(.embedding))
    g.checkNetwork(shareDirections: true, dropout: nil, languageEncoders: true, transfer: try Self.transfer())
    g.checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2, transferRate: 0.5), transfer: try Self.transfer())
    g.checkNetwork(shareDirections: false, dropout: Dropout(rate: 0, seed: 5, epoch: 2, transferRate: 0.5), transfer: try Self.transfer())
    let (plain, _) = NeuralGradientTests.toy(), (augmented, data) = NeuralGradientTests.toy(transfer: try Self.transfer())
    #expect(augmented.configuration.transferWidth == 4)
    #expect(augmented.layout.count == plain.layout.count + 3 * 4)
    #expect(data.allSatisfy { $0.transfer.count == $0.words.count * 4 && $0.transfer.contains { $0 != 0 } })
  }

  /// --transfer-dropout drops T's values (the others scaled by 1 / (1 - rate)) and
  /// nothing else: the model's own states are those of a pass without it.
  @Test func transferDropoutDropsTheEnglishFeaturesOnly() throws {
    let (model, data) = NeuralGradientTests.toy(transfer: try Self.transfer())
    let S = model.configuration.stateWidth, W = model.configuration.transferWidth
    func states(_ dropout: Dropout?) -> [Float] { Self.passStates(model, data, dropout).states }
    let plain = states(nil), dropped = states(Dropout(rate: 0, seed: 3, epoch: 1, transferRate: 0.5))
    #expect(dropped == states(Dropout(rate: 0, seed: 3, epoch: 1, transferRate: 0.5)))
    var zeroed = 0, nonzero = 0
    for row in 0..<(plain.count / S) {
      for c in 0..<S {
        let a = plain[row * S + c], b = dropped[row * S + c]
        if c < S - W { #expect(a == b); continue }
        guard a != 0 else { continue }
        nonzero += 1
        if b == 0 { zeroed += 1 } else { #expect(abs(b - 2 * a) <= 1e-6 * max(1, abs(a))) }
      }
    }
    #expect(nonzero > 20 && zeroed > nonzero / 5 && zeroed < nonzero * 4 / 5, "\(zeroed) of \(nonzero)")
  }

  /// --transfer-dropout-unit token (sentence) drops a token's (a sentence's) English
  /// features at once: each token row (sentence) of T is all dropped or all doubled,
  /// and both happen (over a few seeds, since the toy has 4 sentences).
  @Test(arguments: [TransferDropoutUnit.token, .sentence])
  func transferDropoutByTokenOrSentence(_ unit: TransferDropoutUnit) throws {
    let (model, data) = NeuralGradientTests.toy(transfer: try Self.transfer())
    let S = model.configuration.stateWidth, W = model.configuration.transferWidth
    func states(_ dropout: Dropout?) -> (states: [Float], starts: [Int]) { Self.passStates(model, data, dropout) }
    let (plain, starts) = states(nil)
    // The groups of rows dropped together.
    let groups: [Range<Int>] = unit == .token
      ? (0..<(plain.count / S)).map { $0..<($0 + 1) }
      : starts.indices.map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : plain.count / S) }
    var kept = 0, zeroed = 0
    for seed: UInt64 in 1...4 {
      let dropout = Dropout(rate: 0, seed: seed, epoch: 1, transferRate: 0.5, transferUnit: unit)
      let dropped = states(dropout).states
      #expect(dropped == states(dropout).states)
      for rows in groups {
        var allZero = true, allDoubled = true, anyValue = false
        for row in rows {
          for c in 0..<S {
            let a = plain[row * S + c], b = dropped[row * S + c]
            if c < S - W { #expect(a == b); continue }
            guard a != 0 else { continue }
            anyValue = true
            if b != 0 { allZero = false }
            if abs(b - 2 * a) > 1e-6 * max(1, abs(a)) { allDoubled = false }
          }
        }
        guard anyValue else { continue }
        #expect(allZero != allDoubled, "seed \(seed), rows \(rows)")
        if allZero { zeroed += 1 } else { kept += 1 }
      }
    }
    #expect(zeroed > 0 && kept > 0, "\(zeroed) dropped, \(kept) kept")
    let dropout = Dropout(rate: 0.3, seed: 5, epoch: 2, transferRate: 0.5, transferUnit: unit)
    NeuralGradientTests().checkNetwork(shareDirections: false, dropout: dropout, transfer: try Self.transfer())
  }

  /// With `placement: .input`, T enters the sentence BiLSTM's input after the word's own
  /// features (the first layer reads W more columns, the tag layer none), unchanged
  /// without dropout; the gradients hold, with transfer dropout too; the placement
  /// travels in the model file.
  @Test func transferIntoTheInput() throws {
    let atStates = try Self.transfer(), atInput = try Self.transfer(placement: .input)
    #expect(atInput != atStates && atInput.width == atStates.width)
    let (plain, _) = NeuralGradientTests.toy(), (model, data) = NeuralGradientTests.toy(transfer: atInput)
    let W = atInput.width, c = model.configuration
    #expect(c.transferInput && c.transferWidth == W && c.stateWidth == plain.configuration.stateWidth)
    #expect(c.wordInput == plain.configuration.wordInput + W)
    #expect(model.layout.count == plain.layout.count + 4 * c.hidden * 2 * W)
    let input = TokenInput(model: model)
    model.parameters.withUnsafeBufferPointer { p in
      var batch = TokenBatch(data, dropout: nil)
      let run = input.forward(p.baseAddress!, &batch)
      for (k, s) in data.enumerated() {
        for i in 0..<s.words.count {
          let row = run.x.pointer + (batch.sentenceStart[k] + i) * input.width + (input.width - W)
          #expect(Array(UnsafeBufferPointer(start: row, count: W)) == Array(s.transfer[(i * W)..<((i + 1) * W)]))
        }
      }
    }
    let g = NeuralGradientTests()
    g.checkNetwork(shareDirections: false, dropout: nil, transfer: atInput)
    g.checkNetwork(shareDirections: false, dropout: Dropout(rate: 0.3, seed: 5, epoch: 2, transferRate: 0.5, transferUnit: .token),
                   transfer: atInput)
    g.checkNetwork(shareDirections: true, dropout: nil, languageEncoders: true, transfer: atInput)
    let bytes = ModelFile.encode(TrainedModel(model, metadata: []))
    let decoded = try ModelFile.decode(bytes)
    #expect(decoded.of(NeuralCRF.self)! == model && ModelFile.encode(decoded) == bytes)
    #expect(decoded.of(NeuralCRF.self)!.transfer!.placement == .input && model.fields.contains { $0 == ("transfer-into", "input") })
    #expect(decoded.model.summary.contains { $0.0 == "transfer attention" && $0.1.hasSuffix("into the sentence BiLSTM's input") })
    let inputs = [["en", "Lima", "ayer"], ["Sr", "Ruiz"]].map { ($0, Optional("es")) }
    #expect(decoded.of(NeuralCRF.self)!.stateScores(inputs) == model.stateScores(inputs))
    // The states placement writes no field (older models read as before).
    let (statesModel, _) = NeuralGradientTests.toy(transfer: atStates)
    #expect(!statesModel.fields.contains { $0.0 == "transfer-into" })
    var bad = ModelFields(model.fields.map { $0.0 == "transfer-into" ? ($0.0, "sideways") : $0 })
    var parts = ModelSections(Dictionary(uniqueKeysWithValues: model.sections().map { ($0.name, $0.bytes) }))
    #expect(throws: DataError.self) { try NeuralCRF(configuration: &bad, sections: &parts) }
  }

  /// With the English tag scores, T's rows are [states ; scores] attended alike, and the
  /// setting travels in the model file.
  @Test func scores() throws {
    let (s, t) = Self.vectors()
    let plain = try Self.transfer()
    let scored = try ConverseTransfer(english: plain.english, dictionary: Self.dictionary(),
                                      attention: TranslationAttention(kind: .alignment, source: s, target: t), scores: true)
    #expect(scored.width == plain.width + 3 && scored != plain)
    let tokens = ["Sr", "Lima", "ayer"]
    let a = plain.features([tokens])[0], b = scored.features([tokens])[0]
    let emissions = plain.english.stateScores([(["Mr", "Lima", "yesterday"], nil)])[0]
    for i in 0..<3 {
      for c in 0..<plain.width { #expect(b[i * scored.width + c] == a[i * plain.width + c]) }
      for y in 0..<3 { #expect(abs(Double(b[i * scored.width + plain.width + y]) - emissions[i * 3 + y]) < 1e-5) }
    }
    NeuralGradientTests().checkNetwork(shareDirections: false, dropout: nil, transfer: scored)
    let (model, _) = NeuralGradientTests.toy(transfer: scored)
    let decoded = try ModelFile.decode(ModelFile.encode(TrainedModel(model, metadata: []))).of(NeuralCRF.self)!
    #expect(decoded == model && decoded.transfer!.scores && model.fields.contains { $0 == ("transfer-scores", "yes") })
  }

  /// Training changes the model's own weights, never the English model's.
  @Test func englishModelIsFrozen() throws {
    let transfer = try Self.transfer()
    let before = transfer.english
    let (model, _) = NeuralGradientTests.toy(transfer: transfer)
    var corpus = NeuralCorpus(labels: model.labels)
    corpus.add(tokens: ["en", "Lima", "ayer"], labels: [0, 3, 0], language: "es", weight: 1)
    var o = NeuralTrainer.Options()
    o.epochs = 2
    let trained = NeuralTrainer.train(model, corpus: corpus, options: o).model
    #expect(trained.parameters != model.parameters)
    #expect(trained.transfer!.english == before)
  }

  @Test func modelFileRoundTrip() throws {
    for kind in AttentionKind.allCases {
      let (model, _) = NeuralGradientTests.toy(transfer: try Self.transfer(kind))
      let trained = TrainedModel(model, metadata: [("languages", "en es")])
      let bytes = ModelFile.encode(trained)
      let decoded = try ModelFile.decode(bytes)
      #expect(decoded.of(NeuralCRF.self)! == model)
      #expect(ModelFile.encode(decoded) == bytes)
      let inputs = [["en", "Lima", "ayer"], ["Sr", "Ruiz"]].map { ($0, Optional("es")) }
      #expect(decoded.of(NeuralCRF.self)!.stateScores(inputs) == model.stateScores(inputs))
      #expect(decoded.model.summary.contains { $0.0 == "transfer attention" && $0.1.hasPrefix(kind.rawValue) })
    }
    // Without vectors, alignment attention.
    let bare = try ConverseTransfer(english: Self.english(), dictionary: Self.dictionary(), attention: TranslationAttention(kind: .alignment))
    let (model, _) = NeuralGradientTests.toy(transfer: bare)
    #expect(try ModelFile.decode(ModelFile.encode(TrainedModel(model, metadata: []))).of(NeuralCRF.self)! == model)
  }

  /// A transfer model inside a transfer model, transfer fields without a model, a bad
  /// attention name: damaged models, not crashes.
  @Test func damagedTransfer() throws {
    let transfer = try Self.transfer()
    let (model, _) = NeuralGradientTests.toy(transfer: transfer)
    #expect(throws: DataError.self) { try ConverseTransfer(english: model, dictionary: Self.dictionary(), attention: transfer.attention) }
    #expect(throws: DataError.self) { try ConverseTransfer(english: Self.english(), dictionary: Self.dictionary(), attention: TranslationAttention(kind: .embedding)) }
    var sections = Dictionary(uniqueKeysWithValues: model.sections().map { ($0.name, $0.bytes) })
    // The nested model replaced by the whole transfer model: refused.
    sections["transfer-model"] = ModelFile.encode(TrainedModel(model, metadata: []))
    var fields = ModelFields(model.fields)
    var parts = ModelSections(sections)
    #expect(throws: DataError.self) { try NeuralCRF(configuration: &fields, sections: &parts) }
    var badFields = ModelFields(model.fields.map { $0.0 == "transfer-attention" ? ($0.0, "psychic") : $0 })
    var good = ModelSections(Dictionary(uniqueKeysWithValues: model.sections().map { ($0.name, $0.bytes) }))
    #expect(throws: DataError.self) { try NeuralCRF(configuration: &badFields, sections: &good) }
    let (plain, _) = NeuralGradientTests.toy()
    var orphan = ModelFields(plain.fields + [("transfer-attention", "alignment")])
    var plainParts = ModelSections(Dictionary(uniqueKeysWithValues: plain.sections().map { ($0.name, $0.bytes) }))
    #expect(throws: DataError.self) { try NeuralCRF(configuration: &orphan, sections: &plainParts) }
  }
}
