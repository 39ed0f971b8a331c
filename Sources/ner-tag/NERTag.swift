import ArgumentParser
import NERCLI
import NERKit

@main
struct NERTag: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-tag",
    abstract: "Train and apply a linear-chain CRF for named entity recognition.",
    discussion: """
      'ner-tag train' learns a CRF from labelled CoNLL or JSONL (or CRFsuite data), with \
      the built-in NER features or CRF++ templates, and with several languages at once: \
      an input written LANG=FILE has language LANG, and --language-features adds a copy \
      of every feature conjoined with the language. 'ner-tag' (or 'ner-tag tag') adds \
      the predicted tags to its input. 'ner-tag features' writes the attributes in \
      CRFsuite's format; 'ner-tag dump' prints a model.

      EXAMPLES:
        ner-tag train -m es.model es.train
        ner-tag -m es.model es.test | ner-score
        ner-tag train --language-features --weight ru=0.5 -m uk.model uk=uk.train ru=ru.train
        ner-tokenize < news.txt | ner-tag -m es.model --to spans
      """,
    version: suiteVersion,
    subcommands: [Tag.self, Train.self, Features.self, Dump.self],
    defaultSubcommand: Tag.self)
}

extension LabelledFormat: ExpressibleByArgument {}
