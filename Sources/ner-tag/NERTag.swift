import ArgumentParser
import NERCLI
import NERKit

@main
struct NERTag: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner-tag",
    abstract: "Train and apply named entity taggers: a linear-chain CRF or a neural BiLSTM-CRF.",
    discussion: """
      'ner-tag train' learns a CRF from labelled CoNLL or JSONL (or CRFsuite data), with \
      the built-in NER features or CRF++ templates, and with several languages at once: \
      an input written LANG=FILE has language LANG, and --language-features adds a copy \
      of every feature conjoined with the language. 'ner-tag' (or 'ner-tag tag') adds \
      the predicted tags to its input. 'ner-tag features' writes the attributes in \
      CRFsuite's format; 'ner-tag dump' prints a model.

      A linear-chain CRF as CRFsuite trains it: state features are the (attribute, label) pairs seen in training ('--all-states' for every pair), all label transitions, L-BFGS with L2 ('--c2', default 1) and OWL-QN for L1 ('--c1', default 0), CRFsuite's stopping rules and defaults ('--epsilon 1e-5', '--period 10', '--delta 1e-5', '--memories 6'). The gradient is summed over sentences on '--threads' cores into a fixed number of accumulators in a fixed order, so the model is the same bytes for any thread count.

      - Features: the built-in set (at least CRFsuite's 'example/ner.py': word, lowercase, shape, collapsed shape, type, prefixes and suffixes of 1-4 characters, case and digit flags in a -2..+2 window, bigrams of neighbouring words, shapes and types, word bags left and right) over the token column or any other ('--token-column roman', or a 1-based number), extra columns as observations ('--column pos'), or CRF++ templates ('--template FILE', 'U' lines with '%x[row,col]'; columns count from 0 over the input's columns without the tag columns; a bare 'B' line is accepted since transitions are always on; observation-conditioned 'B' templates are refused).

      - Languages: an input written 'LANG=FILE' has language LANG, else each sentence's '# lang' / JSONL 'lang', else '--lang'. '--language-features' adds 'LANG|feature' beside every feature (Daumé 2007), and '--language-word-features' keeps the word features (word, lowercase, word bigrams and bags) only in that conjoined copy, so that languages share characters, shapes and transitions but not word identities; '--weight LANG=MU' multiplies that language's log-likelihood by MU.

      - Schemes: the input's scheme is detected (IOBES/BILOU prefixes, IOB1 when more entities start with 'I-' than with 'B-', else IOB2); decoding is constrained to valid sequences of the model's labels; '--tag-scheme iobes' trains in IOBES and writes predictions back in the input's scheme.

      - '--dev FILE' scores the development data (conlleval F1) every '--dev-every' iterations (default 10), stops after '--patience' scores without improvement (default 3) and keeps the best model. One progress line per iteration goes to stderr (with a live bar on a terminal); '-q' silences them.

      - Tagging appends a 'pred' column (JSONL 'pred'; '-DOCSTART-' lines get 'O'), passing everything else through, tagging batches of sentences in parallel and writing them in input order. '--marginals' adds each predicted tag's probability (column 'pred_prob' / JSONL 'pred_prob'), '--nbest N' the N best sequences (columns 'pred2'... and '# nbest_prob', JSONL 'nbest'), and '--to spans' writes entities with the probability of each (exactly those labels, not continued after the span).

      - Models: versioned, checksummed binary files (zero weights pruned), written atomically; the settings that make the features (template, columns, language features) travel in the model. A damaged file is an error (exit 65), never a crash.

      - CRFsuite interchange: 'ner-tag features' writes the attributes in CRFsuite's format (colons and backslashes escaped); '--from crfsuite' trains on or tags that format (tagging prints one label a line, as 'crfsuite tag' does).

      The main model of Cotterell and Duh (2017) after Lample et al. (2016), on the CPU: each word is a character BiLSTM's final states (characters 25-dimensional, 25 units a direction; shared by all languages; it reads a word's first and last 30 characters, all of a word of up to 60, so that a garbage token of a megabyte costs what a word of 60 does: models trained before this cap read long words so too, which changes their output on words of over 60 characters only) beside a word embedding (100, per language, an unknown vector per language, optionally initialized from '.vec' files and '--freeze-embeddings'); a sentence BiLSTM (100 a direction; '--layers 2' stacks two, as Cotterell and Duh do with 200 units); tag scores uᵀ tanh(W [s_i ; l(lang)] + b) with a language embedding; shared transitions and a CRF with exact forward-backward and constrained Viterbi. The objective is the target's log-likelihood plus μ times each source's ('--weight'). SGD with momentum 0.9 (learning rate 0.01, clipping 5, decay lr/(1 + 0.05·epoch)) or ADADELTA; dropout 0.5; batches of 10 sentences; '--seed'; '--dev' keeps the best epoch ('--patience 5'). Matrix products go through OpenBLAS (the 'CLinAlg' target), gradients over fixed shards of each batch summed in a fixed order, so the model is the same bytes for any '--threads'. Both kinds share one model file format, and 'ner-tag -m MODEL' tags with either kind ('--marginals', '--nbest', '--to spans' included).

      EXAMPLES:
        ner-tag train -m es.model es.train
        ner-tag -m es.model es.test | ner-score
        ner-tag train --language-features --weight ru=0.5 -m uk.model uk=uk.train ru=ru.train
        ner-tokenize < news.txt | ner-tag -m es.model --to spans
      """,
    version: versionLine("ner-tag"),
    subcommands: [Tag.self, Train.self, Features.self, Dump.self],
    defaultSubcommand: Tag.self)
}

extension LabelledFormat: ExpressibleByArgument {}
