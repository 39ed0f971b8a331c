import Foundation

/// One reader under fuzzing: a tool run on a damaged input file, with the other files
/// it needs (from ``FuzzWorkspace``) intact.
struct FuzzTarget: Sendable {
  /// How a streaming filter's input falls into records, for the lost-output check.
  enum Records: Sendable { case sentences, lines, auto }

  var name: String
  var tool: String
  /// The input file's name in the case's folder (its suffix tells its format).
  var file: String
  var seeds: [String]
  /// The arguments; `input` is the damaged file, `w` the folder of intact files.
  var arguments: @Sendable (_ input: String, _ w: String) -> [String]
  /// Set for streaming filters: on a data error, what they wrote must be the output of
  /// the input before the bad record.
  var records: Records? = nil
  /// Damages model files: flips payload bytes and writes a valid checksum.
  var modelFile = false

  static let conll = "# id = s1\nMaría\tB-PER\nvive\tO\nen\tO\nSevilla\tB-LOC\n.\tO\n\nLa\tO\nUniversidad\tB-ORG\nde\tI-ORG\nGranada\tI-ORG\n\n-DOCSTART- -X- O O\n\nAna\tB-PER\n"
  static let jsonl = "{\"id\": \"1\", \"tokens\": [\"María\", \"vive\"], \"tags\": [\"B-PER\", \"O\"], \"lang\": \"es\"}\n{\"tokens\": [\"La\", \"Universidad\", \"de\"], \"tags\": [\"O\", \"B-ORG\", \"I-ORG\"], \"x\": {\"a\": [1, 2.5]}}\n"
  static let scored = "a B-PER B-PER\nb I-PER O\nc O O\n\nd B-LOC B-LOC\ne O B-ORG\n"
  static let crfsuite = "B-PER\tw=María\tcap:1.5\nO\tw=vive\n\nO\tw=La\tw\\:x:2\nB-ORG\tw=Uni\n"
  static let template = "# unigram\nU00:%x[0,0]\nU01:%x[-1,0]/%x[0,0]\nU02:%x[1,1]\n\nB\n"
  static let vec = "3 2\na 1 0\nb 0 1.5\nc 1 -1e-3\n"
  static let dictionary = "a x\nb y\nc z\na z\n"
  static let mapping = "2 2\n1 0\n0.5 1\n"
  static let text = "María vive en Sevilla. La Universidad de Granada abrió un centro en 2019...\n\nOtro párrafo: https://example.com y a@b.es.\n"
  static let doccano = "{\"id\": 1, \"text\": \"Ana García vive en Madrid.\\r\\nOtra 😀 frase.\", \"label\": [[0, 10, \"PER\"], [19, 25, \"LOC\"], [3, 3, \"X\"]]}\n{\"text\": \"\", \"entities\": [{\"start_offset\": 0, \"end_offset\": 0, \"label\": \"A\"}]}\n"
  static let labelStudio = "[{\"id\": 1, \"data\": {\"text\": \"Ana vive 😀 en Madrid.\"}, \"annotations\": [{\"result\": [{\"value\": {\"start\": 0, \"end\": 3, \"text\": \"Ana\", \"labels\": [\"PER\"]}, \"type\": \"labels\"}]}]},\n {\"id\": 2, \"data\": {\"t\": \"x\"}, \"completions\": []}]\n"
  static let spacy = "[[\"Ana vive en Madrid.\", {\"entities\": [[0, 3, \"PER\"], [12, 18, \"LOC\"]]}],\n[\"\", {}]]\n"
  static let cyrillic = "Київ\tB-LOC\nце\tO\nмісто\tO\n\nОлена\tB-PER\n"

  /// Every target: each reader of the suite, and the tools' streaming paths.
  static let all: [FuzzTarget] = [
    FuzzTarget(name: "convert-conll", tool: "ner-convert", file: "in.conll", seeds: [conll, scored]) { i, _ in [i] }
      .streaming(.sentences),
    FuzzTarget(name: "convert-to-jsonl", tool: "ner-convert", file: "in.conll", seeds: [conll]) { i, _ in ["--to", "jsonl", i] }
      .streaming(.sentences),
    FuzzTarget(name: "convert-jsonl", tool: "ner-convert", file: "in.jsonl", seeds: [jsonl]) { i, _ in ["--to", "conll", i] }
      .streaming(.auto),
    FuzzTarget(name: "convert-doccano", tool: "ner-convert", file: "in.jsonl", seeds: [doccano]) { i, _ in
      ["--from", "doccano", "--misaligned", "drop", "--to", "conll", i]
    },
    FuzzTarget(name: "convert-label-studio", tool: "ner-convert", file: "in.json", seeds: [labelStudio]) { i, _ in
      ["--from", "label-studio", "--misaligned", "expand", "--to", "spacy", i]
    },
    FuzzTarget(name: "convert-spacy", tool: "ner-convert", file: "in.json", seeds: [spacy]) { i, _ in
      ["--from", "spacy", "--to", "label-studio", i]
    },
    FuzzTarget(name: "convert-to-doccano", tool: "ner-convert", file: "in.jsonl", seeds: [jsonl]) { i, _ in
      ["--to", "doccano", "--join-tokens", i]
    },
    FuzzTarget(name: "score", tool: "ner-score", file: "in.conll", seeds: [scored]) { i, _ in [i] },
    FuzzTarget(name: "tag-linear", tool: "ner-tag", file: "in.conll", seeds: [conll, jsonl]) { i, w in
      ["-m", "\(w)/linear.model", "--threads", "1", i]
    }.streaming(.auto),
    FuzzTarget(name: "tag-neural", tool: "ner-tag", file: "in.conll", seeds: [conll, jsonl]) { i, w in
      ["-m", "\(w)/neural.model", "--threads", "1", "--to", "jsonl", i]
    }.streaming(.auto),
    FuzzTarget(name: "train-crfsuite", tool: "ner-tag", file: "in.crfsuite", seeds: [crfsuite]) { i, _ in
      ["train", "-q", "--threads", "1", "--from", "crfsuite", "--max-iterations", "2", "-m", "out.model", i]
    },
    FuzzTarget(name: "train-template", tool: "ner-tag", file: "in.template", seeds: [template]) { i, w in
      ["train", "-q", "--threads", "1", "--template", i, "--max-iterations", "2", "-m", "out.model", "\(w)/train.conll"]
    },
    FuzzTarget(name: "model-tag", tool: "ner-tag", file: "in.model", seeds: []) { i, w in
      ["-m", i, "--threads", "1", "\(w)/train.conll"]
    }.damagingModels(),
    FuzzTarget(name: "model-dump", tool: "ner-tag", file: "in.model", seeds: []) { i, _ in ["dump", i] }.damagingModels(),
    FuzzTarget(name: "vec-align", tool: "ner-translate", file: "in.vec", seeds: [vec]) { i, w in
      ["align", "-q", "--source-embeddings", i, "--target-embeddings", "\(w)/t.vec", "--dictionary", "\(w)/d.txt", "-o", "out.vec"]
    },
    FuzzTarget(name: "vec-translate", tool: "ner-translate", file: "in.vec", seeds: [vec]) { i, w in
      ["--dictionary", "\(w)/d.txt", "--source-embeddings", "\(w)/s.vec", "--target-embeddings", i, "--fallback", "csls", "\(w)/source.conll"]
    },
    FuzzTarget(name: "dictionary", tool: "ner-translate", file: "in.txt", seeds: [dictionary]) { i, w in
      ["--dictionary", i, "\(w)/source.conll"]
    },
    FuzzTarget(name: "dictionary-evaluate", tool: "ner-translate", file: "in.txt", seeds: [dictionary]) { i, w in
      ["evaluate", "--source-embeddings", "\(w)/s.vec", "--target-embeddings", "\(w)/t.vec", "--dictionary", i]
    },
    FuzzTarget(name: "translate-conll", tool: "ner-translate", file: "in.conll", seeds: [conll, jsonl]) { i, w in
      ["--dictionary", "\(w)/d.txt", i]
    }.streaming(.auto),
    FuzzTarget(name: "mapping", tool: "ner-translate", file: "in.map", seeds: [mapping]) { i, w in
      ["induce", "--source-embeddings", "\(w)/s.vec", "--target-embeddings", "\(w)/t.vec", "--mapping", i]
    },
    FuzzTarget(name: "tokenize", tool: "ner-tokenize", file: "in.txt", seeds: [text]) { i, _ in ["--lang", "es", i] }
      .streaming(.lines),
    FuzzTarget(name: "romanize", tool: "ner-romanize", file: "in.conll", seeds: [cyrillic, jsonl]) { i, _ in ["--lang", "uk", i] }
      .streaming(.auto),
  ]

  static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

  func streaming(_ r: Records) -> FuzzTarget {
    var t = self
    t.records = r
    return t
  }

  func damagingModels() -> FuzzTarget {
    var t = self
    t.modelFile = true
    return t
  }
}
