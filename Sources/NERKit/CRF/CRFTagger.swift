/// A trained tagger: label and attribute names with the model's weights.
public struct CRFTagger: Equatable, Sendable {
  public var labels: [String]
  public var attributes: [String: Int]
  public var model: CRFModel

  public init(labels: [String], attributes: [String: Int], model: CRFModel) {
    self.labels = labels
    self.attributes = attributes
    self.model = model
  }

  /// The attribute ids of a sentence's features (unknown features are left out).
  public func sequence(_ features: [[String]]) -> AttributeSequence {
    var x = AttributeSequence()
    for f in features { x.append(ids: f.compactMap { attributes[$0] }) }
    return x
  }

  /// The attribute ids and values of a sentence of CRFsuite-style attributes.
  public func sequence(_ attributes: [[(String, Double)]]) -> AttributeSequence {
    var x = AttributeSequence()
    for f in attributes { x.append(f.compactMap { a in self.attributes[a.0].map { (id: $0, value: a.1) } }) }
    return x
  }

  /// The best labels for a sentence, valid under `mask` when given.
  public func tag(_ features: [[String]], mask: TransitionMask? = nil) -> [String] {
    tag(sequence(features), mask: mask)
  }

  /// The best labels for a sequence of attribute ids.
  public func tag(_ x: AttributeSequence, mask: TransitionMask? = nil) -> [String] {
    let best = Viterbi.decode(scores: model.stateScores(x), transition: model.transition, labelCount: labels.count, mask: mask)
    return best.labels.map { labels[$0] }
  }
}
