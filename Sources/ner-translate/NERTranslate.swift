import ArgumentParser
import Foundation
import NERCLI
import NERKit

@main
struct NERTranslate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-translate",
    abstract: "Translate a labelled corpus word by word; align embeddings and induce dictionaries.",
    discussion: """
      'ner-translate' (or 'ner-translate translate') rewrites the token column of CoNLL or \
      JSONL with a bilingual dictionary (MUSE format), keeping the tags consistent, so a \
      tagger can be trained for a language without labels. With aligned embeddings it \
      chooses among several translations by context and translates unknown words to \
      their CSLS nearest neighbour. 'ner-translate align' maps source embeddings into \
      the target space (Procrustes on a seed dictionary, refined with induced \
      dictionaries, as MUSE does); 'induce' exports the dictionary an alignment \
      implies; 'evaluate' measures word-translation precision@k.

      Zero-resource transfer as in Mayhew et al. (2017) and Xie et al. (2018): labelled data of one language becomes training data for another by word-by-word translation.

      - Translation: the token column, word by word with a MUSE dictionary ('source target' lines, several lines for several translations; a tab-separated target may hold spaces, extra space-separated fields are further words): as written, then lowercased; the translation takes the token's case (Title, UPPER). A translation of several words becomes several tokens, the other columns repeated and tags expanded ('B-X' → 'B-X I-X', 'S-X' → 'B-X E-X', IOB1 'I-X' → 'I-X I-X'). '--copy-types' keeps tokens of those entity types; words without an entry are kept, or with '--fallback csls' translated to their CSLS nearest neighbour. '# lang' becomes the target language ('--target-lang', else the 'yy' of a dictionary named 'xx-yy...'); '# text' lines, which describe the source sentence, are dropped; all else passes through.

      - Choice among translations, with embeddings (the source already mapped into the target space, or mapped by '--mapping'): the reverse-translation score F(w, t) = α cos(E(w), E(t)) + (1 − α) Σ_j cos(E(t), E(c_j)) / (d_j + 1)² over the source words within '--window' (3); α = '--alpha' (0.5); a multi-word candidate is the mean of its words' vectors. Without embeddings, the first listed.

      - 'align': Procrustes (W = UVᵀ from the SVD of YᵀX, through LAPACK) on a seed dictionary or identical strings, then '--rounds' − 1 rounds on dictionaries induced by mutual CSLS nearest neighbours among the '--max-rank' (15,000) most frequent words, as MUSE's supervised refinement, keeping the round that translates held-out seed words best; writes the mapped source '.vec' and/or the map ('--save-mapping', text). 'induce' prints the induced dictionary with scores and the files' spelling; 'evaluate' prints precision@1/5/10 by nn and CSLS (a hit if any gold translation is retrieved; pairs outside the vocabularies left out, as MUSE).

      - Linear algebra: OpenBLAS 'sgemm' and LAPACK 'dgesdd' behind the 'CLinAlg' C target, BLAS kept to one thread and the work split in fixed blocks over the cores, so results are the same bits for any thread count. '.vec' files are memory-mapped and parsed on both cores; '--max-vocab' (200,000) keeps the most frequent words.

      EXAMPLES:
        ner-translate --dictionary en-es.txt en.train > en2es.train
        ner-translate align --source-embeddings en.vec --target-embeddings es.vec --dictionary en-es.txt --output en-mapped.vec
        ner-translate --dictionary en-es.txt --source-embeddings en-mapped.vec --target-embeddings es.vec en.train | ner-tag train -m es.model
        ner-translate evaluate --source-embeddings en-mapped.vec --target-embeddings es.vec --dictionary en-es.test.txt
      """,
    version: versionLine("ner-translate"),
    subcommands: [Translate.self, Align.self, Induce.self, Evaluate.self],
    defaultSubcommand: Translate.self)
}

/// Options naming the two embedding spaces, shared by the subcommands.
struct EmbeddingOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Source-language word vectors (fastText .vec text).", valueName: "file"))
  var sourceEmbeddings: String?

  @Option(help: ArgumentHelp("Target-language word vectors (fastText .vec text).", valueName: "file"))
  var targetEmbeddings: String?

  @Option(help: ArgumentHelp("Read only the first N words of each .vec file (the most frequent); 0 reads all.", valueName: "N"))
  var maxVocab: Int = 200_000

  var vocabularyLimit: Int? { maxVocab > 0 ? maxVocab : nil }

  func validate() throws {
    if maxVocab < 0 { throw ValidationError("--max-vocab needs a number >= 0.") }
  }

  /// Both files, which the subcommand needs; the source vectors mapped by the mapping
  /// file `mapping` when one is given, and the two dimensions checked.
  /// Both vector files, normalized by `steps` (``normalizationSteps(_:)``), the source
  /// then mapped by `mapping`.
  func loadBoth(mappedBy mapping: String? = nil, normalizedBy steps: [String] = []) throws -> (source: WordEmbeddings, target: WordEmbeddings) {
    guard let s = sourceEmbeddings, let t = targetEmbeddings else {
      throw ToolFailure("give both --source-embeddings and --target-embeddings", status: ExitStatus.usage)
    }
    var source = try EmbeddingFiles.load(s, maxVocab: vocabularyLimit)
    var target = try EmbeddingFiles.load(t, maxVocab: vocabularyLimit)
    for step in steps {
      if step == "center" { source.center(); target.center() } else { source.normalize(); target.normalize() }
    }
    let map = try mapping.map(EmbeddingFiles.loadMapping)
    return (try EmbeddingFiles.mapped(source, map, paths: (s, mapping, t), target: target), target)
  }

  /// The steps of a `--normalize` value (renorm, center), checked.
  static func normalizationSteps(_ value: String?) throws -> [String] {
    let steps = commaList(value)
    for s in steps where s != "renorm" && s != "center" {
      throw ValidationError("--normalize takes renorm and center steps, not '\(s)'.")
    }
    return steps
  }

  /// The help of `--normalize`.
  static let normalizeHelp = ArgumentHelp("Normalize both spaces first, steps in order, comma-separated: renorm (unit length), center (subtract the mean); e.g. renorm,center,renorm.", valueName: "steps")

  /// The help of the `--mapping` option of the subcommands that read a mapping.
  static let mappingHelp = ArgumentHelp(
    "A mapping from 'align --save-mapping' to apply to the source embeddings first.", valueName: "file")
}

/// The items of a comma-separated option value, trimmed, empty ones dropped.
func commaList(_ value: String?) -> [String] {
  (value ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Retrieval methods by the names users type: nn, csls (k from --k) or MUSE's csls_knn_K.
func retrievalMethod(_ name: String, k: Int) throws -> RetrievalMethod {
  if name == "csls" { return .csls(k: k) }
  guard let m = RetrievalMethod(museName: name) else {
    throw ToolFailure("unknown method '\(name)': use nn, csls or csls_knn_K", status: ExitStatus.usage)
  }
  return m
}
