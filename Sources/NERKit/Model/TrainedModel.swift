/// A trained model: one kind's weights (``SequenceModel``) and the facts of its training
/// that tagging needs (languages, the tag schemes).
public struct TrainedModel: Sendable {
  /// The kind's model.
  public var model: any SequenceModel
  /// Training facts: `languages` (space-separated, in order of first appearance),
  /// `input-scheme` (the training input's tag scheme), `scheme` (the labels' scheme).
  public var metadata: [(String, String)]

  public init(_ model: any SequenceModel, metadata: [(String, String)]) {
    self.model = model
    self.metadata = metadata
  }

  /// The kind's name.
  public var kind: String { type(of: model).kind }

  public func value(_ key: String) -> String? { metadata.first { $0.0 == key }?.1 }

  /// The languages of training, in order; the first is the default for tagging.
  public var languages: [String] { value("languages")?.split(separator: " ").map(String.init) ?? [] }

  /// The model as `K`, when it is of that kind.
  public func of<K: SequenceModel>(_ kind: K.Type) -> K? { model as? K }
}
