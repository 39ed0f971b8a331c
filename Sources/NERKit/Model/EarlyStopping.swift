/// Early stopping on a development score: keeps the best model seen and says when
/// `patience` scores in a row brought no improvement.
public struct EarlyStopping<Model> {
  public let patience: Int
  /// The best score, the step (iteration or epoch) it was seen at, and its model.
  public private(set) var best: (score: Double, step: Int, model: Model)?
  private var sinceBest = 0

  public init(patience: Int) { self.patience = patience }

  /// Notes a score of the model at `step` (made only when it is the best so far);
  /// returns false when training should stop.
  public mutating func observe(_ score: Double, step: Int, model: () -> Model) -> Bool {
    if best == nil || score > best!.score {
      best = (score, step, model())
      sinceBest = 0
    } else {
      sinceBest += 1
    }
    return sinceBest < patience
  }
}
