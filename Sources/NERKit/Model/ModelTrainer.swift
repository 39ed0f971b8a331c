/// What every trainer reports as it goes: a line per iteration or epoch, and notes.
public struct TrainingLog {
  /// An iteration's (or epoch's) number and its line.
  public var step: (Int, String) -> Void
  /// A line about the run (sizes, the model kept, why training stopped).
  public var note: (String) -> Void

  public init(step: @escaping (Int, String) -> Void, note: @escaping (String) -> Void) {
    self.step = step
    self.note = note
  }

  public static var silent: TrainingLog { TrainingLog(step: { _, _ in }, note: { _ in }) }
}

/// A training algorithm for one model kind: labelled sentences in, a trained model out.
public protocol ModelTrainer {
  /// Trains on `corpus`, scoring `development` (when given) to keep the best model.
  func train(_ corpus: LabelledCorpus, development: DevelopmentSet?, log: TrainingLog) throws -> TrainedModel

  /// The trainer of self-training round `round` (from 1), given the model so far
  /// (``SelfTraining``): by default this trainer, which trains anew.
  func continuing(from model: TrainedModel, round: Int) -> ModelTrainer
}

extension ModelTrainer {
  public func continuing(from model: TrainedModel, round: Int) -> ModelTrainer { self }
}
