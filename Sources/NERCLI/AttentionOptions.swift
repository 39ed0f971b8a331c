import ArgumentParser
import NERKit

/// `--attention-temperature` and `--attention-window`: the settings of embedding
/// attention (``TranslationAttention``), shared by `ner-tag train --transfer-model` and
/// `ner-translate --attention`.
public struct AttentionOptions: ParsableArguments {
  @Option(help: "Temperature of embedding attention (lower follows the vectors more).")
  public var attentionTemperature: Double = 0.1

  @Option(help: "Words on each side of a word's translation that embedding attention reaches.")
  public var attentionWindow: Int = 5

  public init() {}

  public func validate() throws {
    if !(attentionTemperature > 0) || !attentionTemperature.isFinite { throw ValidationError("--attention-temperature needs a positive number.") }
    if attentionWindow < 0 { throw ValidationError("--attention-window needs a number >= 0.") }
  }

  /// The attention of `kind` with these settings (vectors to be set by the caller).
  public func attention(_ kind: AttentionKind) -> TranslationAttention {
    TranslationAttention(kind: kind, temperature: attentionTemperature, window: attentionWindow)
  }
}
