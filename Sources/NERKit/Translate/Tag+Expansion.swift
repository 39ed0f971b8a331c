extension Tag {
  /// The tags of `count` tokens that replace the one token this tag is on, when a
  /// translation turns one word into several, so that they form the same entity piece.
  ///
  /// The prefix decides, the same way in every scheme: `O` → `O O...`; `B-X` →
  /// `B-X I-X...`; `I-X` → `I-X I-X...` (IOB1 and IO included); `E-X` → `I-X... E-X`;
  /// `L-X` → `I-X... L-X`; `S-X` → `B-X I-X... E-X`; `U-X` → `B-X I-X... L-X`. With
  /// `count` 1 the tag itself; with 0 or less nothing.
  public func expanded(to count: Int) -> [Tag] {
    guard count > 1 else { return count == 1 ? [self] : [] }
    let inside = Tag(.inside, type)
    var out = [Tag](repeating: prefix == .outside ? self : inside, count: count)
    switch prefix {
    case .outside, .inside: break
    case .begin: out[0] = self
    case .end, .last: out[count - 1] = self
    case .single:
      out[0] = Tag(.begin, type)
      out[count - 1] = Tag(.end, type)
    case .unit:
      out[0] = Tag(.begin, type)
      out[count - 1] = Tag(.last, type)
    }
    return out
  }
}
