/// One forward pass of the network over a batch of sentences (each non-empty), a
/// composition of layers that each keep their run for the backward pass: the token
/// input (feature sources, dropout), the sentence BiLSTMs (and each language's own, when
/// the model has them), the transfer features (constants, when the model has a transfer
/// source), the tag layer; then
/// ``lossAndGradient(into:)`` adds the CRF on top and backpropagates.
final class NetworkPass {
  let p: UnsafePointer<Float>
  let batch: TokenBatch
  let input: TokenInput
  let sentence: SentenceEncoder
  let languages: LanguageEncoders
  let tags: TagLayer
  let crf: CRFLossLayer
  let inputRun: TokenInput.Run
  let sentenceRun: SentenceEncoder.Run
  let languageRun: LanguageEncoders.Run?
  let tagRun: TagLayer.Run

  init(model: NeuralCRF, _ p: UnsafePointer<Float>, _ sentences: [EncodedSentence], dropout: Dropout?) {
    let layout = model.layout
    self.p = p
    var batch = TokenBatch(sentences, dropout: dropout)
    input = TokenInput(model: model)
    sentence = SentenceEncoder(layers: layout.wordLSTMs)
    languages = LanguageEncoders(lstms: layout.languageLSTMs)
    tags = TagLayer(layout: layout)
    crf = CRFLossLayer(layout: layout)
    inputRun = input.forward(p, &batch)
    sentenceRun = sentence.forward(p, input: inputRun.x, batch)
    var states = sentenceRun.output
    if languages.isEmpty {
      languageRun = nil
    } else {
      let run = languages.forward(p, input: inputRun.x, batch)
      let w = 2 * layout.configuration.hidden
      states = LanguageEncoders.concatenate(states, w, run.output, w, rows: batch.tokenCount)
      languageRun = run
    }
    let tw = layout.configuration.transferStateWidth
    if tw > 0 {
      // T and its transfer dropout as the input's source gives them. Constants, so no
      // mask is kept: the tag layer's run holds the dropped values.
      let T = FloatBuffer(batch.tokenCount * tw)
      TransferFeatures(width: tw).forward(p, &batch, into: TokenColumns(base: T.pointer, stride: tw, offset: 0))
      let w = layout.configuration.stateWidth - tw
      states = LanguageEncoders.concatenate(states, w, T, tw, rows: batch.tokenCount)
    }
    tagRun = tags.forward(p, states: states, batch)
    self.batch = batch
  }

  /// The first token row of each sentence.
  var sentenceStart: [Int] { batch.sentenceStart }

  /// The states under the tag layer, tokens × ``NeuralConfiguration/stateWidth``.
  var states: FloatBuffer { tagRun.states }

  /// Tag scores without transitions, tokens × labels.
  var emissions: FloatBuffer { tagRun.emissions }

  /// The weighted negative log-likelihood of the gold labels, with its gradient added
  /// into `grad`.
  func lossAndGradient(into grad: Gradient) -> Double {
    let g = grad.dense.pointer
    let crfRun = crf.forward(p, emissions: emissions, batch)
    let dEmissions = crf.backward(crfRun, grad: g)
    let dStates = tags.backward(p, tagRun, batch, dEmissions: dEmissions, grad: g)
    // The transfer features' columns (the last ones) are constants: their gradient stops here.
    let c = tags.layout.configuration, w = 2 * c.hidden, S = c.stateWidth, n = batch.tokenCount
    let dShared = S == w ? dStates : LanguageEncoders.columns(dStates, stride: S, from: 0, width: w, rows: n)
    guard let languageRun else {
      input.backward(p, inputRun, batch, dX: sentence.backward(p, sentenceRun, dOutput: dShared, grad: g), grad: grad)
      return crfRun.loss
    }
    let dOwn = LanguageEncoders.columns(dStates, stride: S, from: w, width: w, rows: n)
    let dInput = sentence.backward(p, sentenceRun, dOutput: dShared, grad: g)
    languages.backward(p, languageRun, dOutput: dOwn, grad: g, dInput: dInput.pointer)
    input.backward(p, inputRun, batch, dX: dInput, grad: grad)
    return crfRun.loss
  }
}
