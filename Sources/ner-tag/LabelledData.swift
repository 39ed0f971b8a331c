import NERCLI
import NERKit

/// The observations and gold tags of every sentence of a labelled file (for --dev).
func readLabelled(path: String, from: DataFormat, language: String?, featureSet: FeatureSet,
                  workers: BatchWorkers<FeatureSet>) throws -> [(observations: Observations, gold: [String])] {
  let input = LabelledInput(path)
  let file = try InputFile(path: input.path)
  var result: [(observations: Observations, gold: [String])] = []
  if from == .crfsuite {
    try readCRFsuite(file) { labels, items, _ in
      result.append((.attributes(featureSet.attributes(items, language: input.language ?? language)), labels))
    }
    return result
  }
  let reader = try file.recordReader(try file.detect(from.inputFormat))
  try file.located {
    var sentences: [Sentence] = []
    while let record = try reader.next() {
      guard case .sentence(let s) = record, s.count > 0 else { continue }
      guard s.tagColumn != nil else { throw DataError(line: s.line, "no gold tag column to score against") }
      sentences.append(s)
    }
    let features = workers.map(sentences) { fs, s in
      Result { try fs.features(s, language: input.language ?? s.metadata("lang") ?? language) }
    }
    for (s, f) in zip(sentences, features) { result.append((.features(try f.get()), s.tags!)) }
  }
  return result
}
