/// One kind of trained tagger: whatever gives every token a score for every label.
///
/// A kind computes *state scores* (`[t * L + y]`, label `y` at token `t`) for a batch of
/// sentences; the transitions between labels and everything after them (Viterbi,
/// n-best, marginals, entity probabilities) are shared by every kind, in
/// ``SequenceTagger``. As CRFsuite separates its graphical model from the encoders
/// that feed it, a kind here is only the encoder plus its weights:
///
/// - the linear CRF (``LinearCRF``): sparse features of the sentence's columns;
/// - the neural CRF (``NeuralCRF``): a character BiLSTM and word embeddings under a
///   sentence BiLSTM.
///
/// A new kind is a type conforming to this protocol, listed in ``ModelKinds/all``, and
/// a trainer (``ModelTrainer``). The model file stores a kind as its name, its settings
/// as named fields (``fields``), and its arrays as named sections
/// (``sections()``), so a kind adds settings without a new file format.
public protocol SequenceModel: Sendable {
  /// The kind's name, as the model file and `ner-tag train --kind` spell it.
  static var kind: String { get }
  /// The labels, in the order scores and transitions index them.
  var labels: [String] { get }
  /// Transition scores, `[i * L + j]` for label i followed by label j.
  var transitions: [Double] { get }
  /// The state scores of each sentence of a batch, or why one cannot be tagged. A
  /// batch is scored together (a network's matrix products); the caller fixes the
  /// batches (``TaggingGroups``) so that output bytes do not depend on threads.
  func stateScores(_ batch: [ModelInput]) -> [Result<[Double], Error>]
  /// Whether the kind reads CRFsuite attributes (``ModelInput/Observation/attributes``);
  /// kinds that read words do not.
  var readsAttributes: Bool { get }
  /// The input in the form that is cheapest to score again (a linear CRF computes the
  /// sentence's features once); development sets call it once per sentence.
  func prepare(_ input: ModelInput) throws -> ModelInput
  /// The kind's settings, written as the model file's configuration fields.
  var fields: [(String, String)] { get }
  /// The kind's arrays (labels, weights, vocabularies...), written as named sections.
  func sections() -> [(name: String, bytes: [UInt8])]
  /// A model read back from its configuration fields and sections. Every count and
  /// index is checked against what the sections hold: a damaged or inconsistent file
  /// throws ``DataError``, never traps. Fields and sections it does not read are an
  /// error (``ModelFile`` checks after it returns).
  init(configuration: inout ModelFields, sections: inout ModelSections) throws
  /// `name = value` lines for `ner-tag dump`'s MODEL section beyond the settings
  /// (sizes, counts).
  var summary: [(String, String)] { get }
  /// What `ner-tag dump` prints after the transitions (heaviest features, vocabularies).
  func details(top: Int) -> String
}

extension SequenceModel {
  public func prepare(_ input: ModelInput) throws -> ModelInput { input }
  public var readsAttributes: Bool { false }
}

/// Every model kind the suite reads and writes; the model file names its kind, and
/// ``ModelFile`` finds the type here.
public enum ModelKinds {
  public static let all: [any SequenceModel.Type] = [LinearCRF.self, NeuralCRF.self]

  /// The type of a kind's name, or nil.
  public static func named(_ name: String) -> (any SequenceModel.Type)? {
    all.first { $0.kind == name }
  }

  /// The names, for messages and help.
  public static var names: [String] { all.map { $0.kind } }
}
