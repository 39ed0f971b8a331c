import Testing

@testable import NERKit

/// The parameter layout: the token input is the feature sources' widths, and stacking
/// sentence BiLSTMs inserts their weights after the first one's, leaving the rest of a
/// one-layer layout as it was.
struct NeuralLayoutTests {
  static func layout(layers: Int, shared: Bool = false) -> ParameterLayout {
    let c = NeuralGradientTests.smallConfiguration(shareDirections: shared, layers: layers)
    return ParameterLayout(c, characters: 7, languages: 2, labels: 3)
  }

  @Test func tokenInputIsTheSourcesWidths() {
    let c = Self.layout(layers: 1).configuration
    #expect(c.tokenFeatures.map { $0.width(c) } == [4, 4])
    #expect(c.wordInput == 2 * c.charHidden + c.wordDim)
  }

  @Test func oneLayerIsTheOriginalLayout() {
    let l = Self.layout(layers: 1)
    let lstm = LSTMLayer.parameterCount(inputSize:hiddenSize:)
    let charEnd = 8 * 3 + 2 * lstm(3, 2)
    #expect(l.wordLSTMs.count == 1 && l.wordLSTMs[0].forwardLayer.inputWeights == charEnd)
    #expect(l.languageEmbedding == charEnd + 2 * lstm(8, 3))
    #expect(l.count == l.languageEmbedding + 2 * 2 + 3 * (6 + 2) + 3 + 3 * 3 + 3 + 9)
    #expect(l.tensors.map(\.name) == ["char-embedding", "char-lstm-forward", "char-lstm-backward", "word-lstm-forward",
                                      "word-lstm-backward", "language-embedding", "tag-hidden", "tag-output", "transitions"])
  }

  @Test func stackedLayersComeAfterTheFirst() {
    for shared in [false, true] {
      let one = Self.layout(layers: 1, shared: shared), two = Self.layout(layers: 2, shared: shared)
      let extra = (shared ? 1 : 2) * LSTMLayer.parameterCount(inputSize: 6, hiddenSize: 3)
      #expect(two.wordLSTMs[0] == one.wordLSTMs[0] && two.charLSTM == one.charLSTM)
      #expect(two.wordLSTMs[1].forwardLayer.inputSize == 6)
      #expect(two.wordLSTMs[1].forwardLayer.inputWeights == one.languageEmbedding)
      #expect(two.languageEmbedding == one.languageEmbedding + extra && two.count == one.count + extra)
      #expect(two.tensors.contains { $0.name == "word-lstm-2-forward" })
    }
  }
}

/// The update rules over flat vectors: dense steps, and lazy steps on one row of a table.
struct OptimizerTests {
  @Test func sgdWithMomentum() {
    let rule = Optimizer(kind: .sgd, momentum: 0.5)
    var w: [Float] = [1, 2]
    var state = OptimizerState(kind: .sgd, count: 2)
    let g: [Float] = [1, -2]
    for _ in 0..<2 { rule.step(&w, gradient: g, state: &state, learningRate: 0.1) }
    // v1 = -0.1 g, v2 = 0.5 v1 - 0.1 g = -0.15 g.
    #expect(abs(w[0] - 0.75) < 1e-6 && abs(w[1] - 2.5) < 1e-6 && abs(state.first[0] + 0.15) < 1e-6)
  }

  @Test func rowsAreUpdatedLazily() {
    let rule = Optimizer(kind: .adadelta, momentum: 0)
    var table: [Float] = [1, 1, 1, 1, 1, 1]
    var state = OptimizerState(kind: .adadelta, count: 6)
    let g: [Float] = [2, -2]
    rule.step(&table, row: 1, width: 2, gradient: g, state: &state, learningRate: 1)
    #expect(table[0] == 1 && table[1] == 1 && table[4] == 1 && table[5] == 1)
    #expect(table[2] < 1 && table[3] > 1 && state.first[2] > 0 && state.second[2] > 0 && state.first[0] == 0)
  }
}
