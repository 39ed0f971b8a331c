import ArgumentParser
import NERCLI
import NERKit

/// The options of a transfer source of `ner-tag train --kind neural` (the Converse
/// Attention Network, built from the suite's own parts: ``ConverseTransfer``).
struct TransferOptions: ParsableArguments {
  @Option(help: ArgumentHelp("(neural) A neural model of English (trained by 'ner-tag train --kind neural'): each sentence is translated into English word by word, the model's sentence BiLSTM runs over the translation, and its states, brought to each word by the attention, join this model's own under the tag layer (converse attention, CAN). The English model is not trained and travels in the model written.", valueName: "file"))
  var transferModel: String?

  @Option(help: ArgumentHelp("(neural) The dictionary from the training language into English, 'source target' a line (MUSE format, as ner-translate reads it).", valueName: "file"))
  var transferDictionary: String?

  @Option(help: "(neural) How words attend to the English words: alignment (each to the words its own translation gave) or embedding (softmax of cosine / temperature minus the distance from its translation, from --source-embeddings and --target-embeddings).")
  var attention: AttentionKind = .alignment

  @OptionGroup var settings: AttentionOptions

  @Flag(help: "(neural) Bring the English model's tag scores to each word too, after its states (the paper brings the states only).")
  var transferScores = false

  @Option(help: ArgumentHelp("(neural) Dropout on the English features while training (each value dropped with this probability, the others scaled up), beside --dropout on the input.", valueName: "rate"))
  var transferDropout: Double = 0

  @Option(help: "(neural) What one draw of --transfer-dropout drops: a value, a token's English features or a sentence's (the sentence then trains as if there were no transfer source).")
  var transferDropoutUnit: TransferDropoutUnit = .value

  @Option(help: "(neural) Where the English features join this model: beside its sentence BiLSTM's states under the tag layer (states, the paper's place) or in the BiLSTM's input beside each word's own features (input).")
  var transferInto: TransferPlacement = .states

  @Option(help: ArgumentHelp("(neural) Vectors of the training language, in the English vectors' space (or mapped there by --mapping): they choose among several translations, as ner-translate does, and make embedding attention.", valueName: "file"))
  var sourceEmbeddings: String?

  @Option(help: ArgumentHelp("(neural) English vectors (fastText .vec) for --source-embeddings.", valueName: "file"))
  var targetEmbeddings: String?

  @Option(help: ArgumentHelp("(neural) A mapping from 'ner-translate align --save-mapping' applied to --source-embeddings first.", valueName: "file"))
  var mapping: String?

  /// The options given (a transfer source needs --transfer-model and --transfer-dictionary).
  var given: [String] {
    let options: [(name: String, given: Bool)] = [
      ("--transfer-model", transferModel != nil), ("--transfer-dictionary", transferDictionary != nil),
      ("--source-embeddings", sourceEmbeddings != nil), ("--target-embeddings", targetEmbeddings != nil),
      ("--mapping", mapping != nil), ("--transfer-scores", transferScores), ("--transfer-dropout", transferDropout != 0),
      ("--transfer-dropout-unit", transferDropoutUnit != .value), ("--transfer-into", transferInto != .states),
    ]
    return options.filter(\.given).map(\.name)
  }

  func validate() throws {
    guard !given.isEmpty else { return }
    if transferModel == nil || transferDictionary == nil {
      throw ValidationError("\(given.joined(separator: ", ")): a transfer source needs both --transfer-model and --transfer-dictionary.")
    }
    if (sourceEmbeddings == nil) != (targetEmbeddings == nil) {
      throw ValidationError("give both --source-embeddings and --target-embeddings, or neither.")
    }
    if !(0..<1).contains(transferDropout) { throw ValidationError("--transfer-dropout must be in [0, 1).") }
    if transferDropoutUnit != .value && transferDropout == 0 {
      throw ValidationError("--transfer-dropout-unit is the unit of --transfer-dropout; give the rate too.")
    }
    if mapping != nil && sourceEmbeddings == nil { throw ValidationError("--mapping applies to --source-embeddings; give the embeddings too.") }
    if attention == .embedding && sourceEmbeddings == nil {
      throw ValidationError("--attention embedding needs --source-embeddings and --target-embeddings.")
    }
  }

  /// The transfer source these options describe, or nil when none is given: the English
  /// model read and checked, the dictionary, the vectors (their first `maxVocab` words).
  func source(maxVocab: Int, note: (String) -> Void) throws -> ConverseTransfer? {
    guard let modelPath = transferModel, let dictionaryPath = transferDictionary else { return nil }
    let trained = try ModelIO.load(modelPath)
    guard let english = trained.of(NeuralCRF.self) else {
      throw ToolFailure(file: modelPath, "a \(trained.kind) model; --transfer-model needs a neural one", status: ExitStatus.usage)
    }
    guard english.transfer == nil else {
      throw ToolFailure(file: modelPath, "the model has a transfer source of its own; give one trained without --transfer-model", status: ExitStatus.usage)
    }
    let dictionaryFile = try InputFile(path: dictionaryPath)
    let dictionary = try dictionaryFile.located { try BilingualDictionary(reader: dictionaryFile.lines) }
    var attention = settings.attention(attention)
    if let s = sourceEmbeddings, let t = targetEmbeddings {
      let target = try EmbeddingFiles.load(t, maxVocab: maxVocab)
      let map = try mapping.map(EmbeddingFiles.loadMapping)
      attention.source = try EmbeddingFiles.mapped(EmbeddingFiles.load(s, maxVocab: maxVocab), map, paths: (s, mapping, t), target: target)
      attention.target = target
    }
    note("\(modelPath): transfer from a neural model of \(english.parameters.count) weights; \(dictionaryPath): \(dictionary.count) words")
    return try ConverseTransfer(english: english, dictionary: dictionary, attention: attention, scores: transferScores, placement: transferInto)
  }
}
