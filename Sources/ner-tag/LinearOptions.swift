import ArgumentParser
import NERCLI
import NERKit

/// The options of `ner-tag train --kind linear`: features, regularization, L-BFGS.
struct LinearOptions: ParsableArguments {
  @OptionGroup var features: FeatureOptions

  @Option(help: "Coefficient of the L1 term (OWL-QN when positive).")
  var c1: Double = 0

  @Option(help: "Coefficient of the L2 term.")
  var c2: Double = 1

  @Option(help: "Stop after this many iterations.")
  var maxIterations: Int?

  @Option(help: "Stop when |gradient| / max(1, |w|) falls below this.")
  var epsilon: Double = 1e-5

  @Option(help: "Iterations over which the objective must improve by --delta.")
  var period: Int = 10

  @Option(help: "Stop when the objective improved by less than this fraction over --period iterations.")
  var delta: Double = 1e-5

  @Option(help: "Corrections L-BFGS keeps.")
  var memories: Int = 6

  @Option(help: "Drop features seen fewer times than this.")
  var minFreq: Int = 1

  @Flag(help: "State features for every (attribute, label) pair, not only those seen in training.")
  var allStates = false

  @Option(help: "Iterations between development scores.")
  var devEvery: Int = 10

  func validate() throws {
    if c1 < 0 || c2 < 0 { throw ValidationError("--c1 and --c2 must be >= 0.") }
    if memories < 1 || period < 0 || minFreq < 1 || devEvery < 1 {
      throw ValidationError("--memories, --min-freq and --dev-every need positive numbers.")
    }
    if let m = maxIterations, m < 1 { throw ValidationError("--max-iterations needs a positive number.") }
  }

  /// The options given that only a linear CRF reads (for the message when another kind
  /// is trained).
  var given: [String] {
    var names: [String] = []
    if features.template != nil { names.append("--template") }
    if features.tokenColumn != nil { names.append("--token-column") }
    if !features.extraColumns.isEmpty { names.append("--column") }
    if maxIterations != nil { names.append("--max-iterations") }
    if allStates { names.append("--all-states") }
    return names
  }

  /// The trainer these options describe.
  func trainer(threads: Int, patience: Int?) throws -> LinearTrainer {
    var t = LinearTrainer(featureSet: try features.featureSet())
    t.options.c1 = c1
    t.options.c2 = c2
    t.options.minFrequency = minFreq
    t.options.allStates = allStates
    t.options.threads = threads
    t.options.optimizer.epsilon = epsilon
    t.options.optimizer.period = period
    t.options.optimizer.delta = delta
    t.options.optimizer.memories = memories
    t.options.optimizer.maxIterations = maxIterations ?? Int.max
    t.devEvery = devEvery
    t.patience = patience ?? 3
    return t
  }
}
