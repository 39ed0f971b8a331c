/// A source row and a target row paired as translations (a seed or induced dictionary
/// entry, as MUSE's `dico` tensor holds them).
public struct IndexPair: Hashable, Sendable, CustomStringConvertible {
  public var source: Int
  public var target: Int

  public init(source: Int, target: Int) {
    self.source = source
    self.target = target
  }

  public var description: String { "(\(source), \(target))" }
}
