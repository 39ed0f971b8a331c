import CICU
import Dispatch

/// The passes of ``RomanizationRules`` as ICU transliterators applied to a text one after
/// another, each skipped for a text that holds none of the characters it can change (a
/// pass of rules: the characters of its rules' keys; a system transform: its `changes`).
/// That gives the same result as the complete rule text compiled as one compound
/// transliterator, at a fraction of the cost: a Cyrillic token goes through the Cyrillic
/// rules and little else, instead of some twenty passes. Any-Latin romanizes Han without
/// compiling all of Han-Latin (see `cicu_pipeline_set_transform`).
///
/// Not thread-safe (ICU transliterators): one per thread.
final class TransliterationPipeline {
  private let handle: OpaquePointer

  /// Compiles the passes, several at a time; throws a ``DataError`` naming the first pass
  /// that ICU rejects.
  init(passes: [RomanizationRules.Pass]) throws {
    guard let h = cicu_pipeline_open(Int32(passes.count)) else {
      throw DataError(line: 0, "cannot open a transliteration pipeline")
    }
    // Each pass is compiled into its own slot; the first one to need ICU's registry of
    // transforms sets it up (some 12 ms) while other threads compile rules.
    let errors = UnsafeMutableBufferPointer<String?>.allocate(capacity: passes.count)
    errors.initialize(repeating: nil)
    defer {
      _ = errors.deinitialize()
      errors.deallocate()
    }
    let shared = UnsafeSendable((h, errors, passes))
    DispatchQueue.concurrentPerform(iterations: passes.count) { i in
      let (h, errors, passes) = shared.value
      var message = [CChar](repeating: 0, count: 512)
      let status: Int32
      switch passes[i] {
      case .rules:
        let rules = RomanizationRules.text(of: passes[i]) ?? ""
        status = cicu_pipeline_set_rules(h, Int32(i), rules, &message, message.count)
      case .transform(let id, let changes):
        status = cicu_pipeline_set_transform(h, Int32(i), id, changes, &message, message.count)
      }
      if status != 0 {
        errors[i] = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
    }
    if let i = errors.firstIndex(where: { $0 != nil }) {
      cicu_pipeline_close(h)
      throw DataError(line: 0, "romanization pass \(i + 1): \(errors[i]!)")
    }
    handle = h
  }

  deinit { cicu_pipeline_close(handle) }

  /// `text` through every pass (unchanged if ICU fails).
  func apply(_ text: String) -> String {
    var s = text
    return s.withUTF8 { src -> String in
      let n = src.withMemoryRebound(to: CChar.self) { cicu_pipeline_run(handle, $0.baseAddress, Int64($0.count)) }
      guard n >= 0, let result = cicu_pipeline_result(handle) else { return text }
      return result.withMemoryRebound(to: UInt8.self, capacity: Int(n)) {
        String(decoding: UnsafeBufferPointer(start: $0, count: Int(n)), as: UTF8.self)
      }
    }
  }
}
