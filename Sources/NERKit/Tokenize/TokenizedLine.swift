/// One line of text broken into sentences and tokens by ``Tokenizer/tokenize(_:into:)``:
/// byte ranges into the line, with the tokenizer's working memory. Reuse one value from
/// line to line, so that tokenizing allocates nothing once it has grown.
public struct TokenizedLine {
  /// A sentence: its text (the line's bytes, trimmed) and its tokens, a range of ``tokens``.
  public struct Sentence {
    public var text: Range<Int>
    public var tokens: Range<Int>
  }

  /// A token as it stands in the line (before ``TokenTransform``), and its kind.
  public struct Token {
    public var range: Range<Int>
    var kind: Tokenizer.Kind
  }

  /// The sentences, in order.
  public internal(set) var sentences: [Sentence] = []
  /// The tokens of all the sentences, in order.
  public internal(set) var tokens: [Token] = []

  // Working memory of the tokenizer.
  /// URLs and e-mail addresses of the line.
  var protected: [Token] = []
  /// Those inside the current sentence, in its offsets.
  var inside: [Token] = []
  /// The current sentence's tokens before merging, in its offsets.
  var pieces: [Token] = []
  /// The sentences' ranges before trimming.
  var ranges: [Range<Int>] = []
  var segments = BreakIterator.Segments()

  public init() {}

  mutating func removeAll() {
    sentences.removeAll(keepingCapacity: true)
    tokens.removeAll(keepingCapacity: true)
  }
}
