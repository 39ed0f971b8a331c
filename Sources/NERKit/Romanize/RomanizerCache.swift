/// The romanizers of a run, one per language, each made when first asked for (all the
/// same one when an ICU transform is given). Not thread-safe, like ``Romanizer``.
public final class RomanizerCache {
  /// The ICU transform or compound ID to use instead of the project's rules.
  public let transform: String?
  /// Leave Latin-script tokens as they are (see ``Romanizer/keepLatin``).
  public let keepLatin: Bool
  private var romanizers: [String: Romanizer] = [:]

  public init(transform: String?, keepLatin: Bool) {
    self.transform = transform
    self.keepLatin = keepLatin
  }

  /// The romanizer for `language` (nil: rules for any language); a bad transform ID
  /// throws a ``DataError``.
  public func romanizer(for language: String?) throws -> Romanizer {
    let key = transform.map { "transform:" + $0 } ?? (language ?? "")
    if let r = romanizers[key] { return r }
    let r = try Romanizer(transform.map { .transform($0) } ?? .standard(language: language), keepLatin: keepLatin)
    romanizers[key] = r
    return r
  }
}
