function __ner-tag_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-tag_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-tag_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-tag_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-tag_parse_tokens -S
    set -l unparsed_tokens (__ner-tag_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-tag'
        __ner-tag_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'tag'
            __ner-tag_parse_subcommand -r 1 'm/model=' 'from=' 'to=' 'lang=' 'scheme=' 'marginals' 'nbest=' 'threads=' 'o/output=' 'version' 'h/help'
        case 'train'
            __ner-tag_parse_subcommand -r 1 'm/model=+' 'kind=' 'from=' 'lang=' 'weight=+' 'tag-scheme=' 'threads=' 'dev=' 'patience=' 'template=' 'token-column=' 'column=+' 'language-features' 'language-word-features' 'c1=' 'c2=' 'max-iterations=' 'epsilon=' 'period=' 'delta=' 'memories=' 'min-freq=' 'all-states' 'dev-every=' 'epochs=' 'batch-size=' 'optimizer=' 'learning-rate=' 'momentum=' 'clip=' 'decay=' 'dropout=' 'round-epochs=' 'seed=' 'char-dim=' 'char-hidden=' 'word-dim=' 'hidden=' 'layers=' 'language-dim=' 'embeddings=+' 'max-pretrained=' 'freeze-embeddings' 'share-directions' 'language-encoders' 'no-char-lstm' 'lower' 'mask-digits' 'transfer-model=' 'transfer-dictionary=' 'attention=' 'attention-temperature=' 'attention-window=' 'transfer-scores' 'transfer-dropout=' 'transfer-dropout-unit=' 'transfer-into=' 'source-embeddings=' 'target-embeddings=' 'mapping=' 'unlabelled=+' 'start-model=' 'rounds=' 'min-confidence=' 'min-token-confidence=' 'confidence=' 'pseudo-weight=' 'no-length-threshold' 'q/quiet' 'version' 'h/help'
        case 'features'
            __ner-tag_parse_subcommand -r 1 'from=' 'lang=' 'template=' 'token-column=' 'column=+' 'language-features' 'language-word-features' 'threads=' 'o/output=' 'version' 'h/help'
        case 'dump'
            __ner-tag_parse_subcommand 1 'top=' 'o/output=' 'version' 'h/help'
        case 'help'
            __ner-tag_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-tag_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-tag_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __ner-tag_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-tag_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-tag_tokens -p)
    if test -z "$(__ner-tag_tokens -t)"
        set -l index (count (__ner-tag_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-tag' -f
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_positional "ner-tag" -eq 1' -fa 'tag' -d 'Add the predicted tags to CoNLL or JSONL (the default subcommand).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_positional "ner-tag" -eq 1' -fa 'train' -d 'Train a CRF (--kind linear, the default, or neural) on labelled sentences.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_positional "ner-tag" -eq 1' -fa 'features' -d 'Write the attributes of every token in CRFsuite\'s data format.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_positional "ner-tag" -eq 1' -fa 'dump' -d 'Print a model readably: kind, settings, labels, transitions, heaviest features (neural: sizes and weights).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_positional "ner-tag" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" m model' -s 'm' -l 'model' -d 'The model file.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" from' -l 'from' -d 'Input format: auto, conll, jsonl or crfsuite.' -rfka 'auto conll jsonl crfsuite'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" to' -l 'to' -d 'Output format: conll, jsonl or spans (entities with their probability, then their character start and end when the sentence has offsets or \'# text\'; default: the input\'s format).' -rfka 'conll jsonl spans'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" lang' -l 'lang' -d 'Language of sentences that give none (after LANG=FILE and \'# lang\'; default: the model\'s first training language).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" scheme' -l 'scheme' -d 'Write the predicted tags in this scheme: iob1, iob2, iobes, bilou or io (default: the scheme of the input\'s gold tags when it has them, else the model\'s).' -rfka 'iob1 iob2 iobes bilou io'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" marginals' -l 'marginals' -d 'Add the probability of each predicted tag (CoNLL: a column after the tags; JSONL: \'pred_prob\').'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" nbest' -l 'nbest' -d 'Write the N best tag sequences with their probabilities (columns pred, pred2...; \'# nbest_prob\'; JSONL \'nbest\').' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" threads' -l 'threads' -d 'Threads to tag with (default: all cores); the output is the same for any number.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag tag" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train"' -s 'm' -l 'model' -d 'The model file to write.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" kind' -l 'kind' -d 'The kind of model: linear (a CRF over features) or neural (a character-level BiLSTM-CRF).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" from' -l 'from' -d 'Input format: auto, conll, jsonl or crfsuite (CRFsuite\'s data format, as \'ner-tag features\' writes it).' -rfka 'auto conll jsonl crfsuite'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" lang' -l 'lang' -d 'Language of sentences that give none (after LANG=FILE and \'# lang\').' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train"' -l 'weight' -d 'Scale the log-likelihood of language LANG by MU; repeatable.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" tag-scheme' -l 'tag-scheme' -d 'Train in this tag scheme (iob1, iob2, iobes, bilou, io); predictions are converted back to the input\'s.' -rfka 'iob1 iob2 iobes bilou io'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" threads' -l 'threads' -d 'Threads to train with (default: all cores); the model is the same for any number.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" dev' -l 'dev' -d 'Labelled development data, scored as training goes; the best model is kept.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" patience' -l 'patience' -d 'Stop after this many development scores without improvement (default: 3; neural: 5 epochs).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" template' -l 'template' -d 'Use the CRF++ templates in this file instead of the built-in features.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" token-column' -l 'token-column' -d 'Column the built-in features read tokens from: a key (tokens, roman, col2...) or a 1-based number.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train"' -l 'column' -d 'A column (key or 1-based number) whose values are extra observations, such as POS tags; repeatable.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" language-features' -l 'language-features' -d 'Add a copy of every feature conjoined with the sentence\'s language.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" language-word-features' -l 'language-word-features' -d 'With --language-features, keep word features (the word, its lowercase, word bigrams and bags) only in their language-conjoined copy: languages then share character, shape and context features and the transitions, not word identities.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" c1' -l 'c1' -d 'Coefficient of the L1 term (OWL-QN when positive).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" c2' -l 'c2' -d 'Coefficient of the L2 term.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" max-iterations' -l 'max-iterations' -d 'Stop after this many iterations.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" epsilon' -l 'epsilon' -d 'Stop when |gradient| / max(1, |w|) falls below this.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" period' -l 'period' -d 'Iterations over which the objective must improve by --delta.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" delta' -l 'delta' -d 'Stop when the objective improved by less than this fraction over --period iterations.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" memories' -l 'memories' -d 'Corrections L-BFGS keeps.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" min-freq' -l 'min-freq' -d 'Drop features seen fewer times than this.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" all-states' -l 'all-states' -d 'State features for every (attribute, label) pair, not only those seen in training.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" dev-every' -l 'dev-every' -d 'Iterations between development scores.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" epochs' -l 'epochs' -d '(neural) Passes over the training data.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" batch-size' -l 'batch-size' -d '(neural) Sentences per minibatch (each minibatch is split into 2 fixed halves computed in parallel).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" optimizer' -l 'optimizer' -d '(neural) sgd (with momentum) or adadelta.' -rfka 'sgd adadelta'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" learning-rate' -l 'learning-rate' -d '(neural) Learning rate (default: 0.01 for sgd, 1 for adadelta).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" momentum' -l 'momentum' -d '(neural) Momentum of sgd.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" clip' -l 'clip' -d '(neural) Clip each minibatch\'s gradient to this Euclidean norm (0: no clipping).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" decay' -l 'decay' -d '(neural) Learning rate decay: epoch e (from 0) uses lr / (1 + decay x e).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" dropout' -l 'dropout' -d '(neural) Dropout rate on the sentence LSTM\'s input.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" round-epochs' -l 'round-epochs' -d '(neural) Epochs of each self-training round (--unlabelled), going on from the network so far.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" seed' -l 'seed' -d '(neural) Random seed (initialization, shuffling, dropout); the model is the same for any --threads.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" char-dim' -l 'char-dim' -d '(neural) Character embedding size. The character LSTM reads a word\'s first and last 30 characters (all of a word of up to 60).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" char-hidden' -l 'char-hidden' -d '(neural) Character LSTM size per direction.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" word-dim' -l 'word-dim' -d '(neural) Word embedding size (default 100, or the size of the --embeddings vectors).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" hidden' -l 'hidden' -d '(neural) Sentence LSTM size per direction (also the size of the tanh layer under the tags).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" layers' -l 'layers' -d '(neural) Stacked sentence BiLSTM layers (Cotterell and Duh 2017 use 2 of 200 units).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" language-dim' -l 'language-dim' -d '(neural) Language embedding size.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train"' -l 'embeddings' -d '(neural) Initialize language LANG\'s word embeddings from a fastText .vec file; repeatable. A language with vectors and no training sentence is tagged zero-shot (\'ner-tag -m MODEL --lang LANG\'): with the vectors mapped into one space (\'ner-translate align\') and --freeze-embeddings, a model trained on one language tags another.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" max-pretrained' -l 'max-pretrained' -d '(neural) Words taken from each .vec file besides the training words (the file\'s first ones).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" freeze-embeddings' -l 'freeze-embeddings' -d '(neural) Do not train the pretrained embeddings (the vocabulary is then the .vec file\'s; other words are unknown).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" share-directions' -l 'share-directions' -d '(neural) Tie the forward and backward LSTMs\' weights (order-invariant features).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" language-encoders' -l 'language-encoders' -d '(neural) Give each language a sentence BiLSTM of its own beside the shared one (its states join the shared ones under the tag layer); a language without training sentences starts from a copy of the first language\'s.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" no-char-lstm' -l 'no-char-lstm' -d '(neural) Leave out the character BiLSTM: a word is its embedding alone.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" lower' -l 'lower' -d '(neural) Lowercase words before looking up their embedding (characters keep their case).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" mask-digits' -l 'mask-digits' -d '(neural) Replace decimal digits by 0 before looking up a word\'s embedding.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-model' -l 'transfer-model' -d '(neural) A neural model of English (trained by \'ner-tag train --kind neural\'): each sentence is translated into English word by word, the model\'s sentence BiLSTM runs over the translation, and its states, brought to each word by the attention, join this model\'s own under the tag layer (converse attention, CAN). The English model is not trained and travels in the model written.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-dictionary' -l 'transfer-dictionary' -d '(neural) The dictionary from the training language into English, \'source target\' a line (MUSE format, as ner-translate reads it).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" attention' -l 'attention' -d '(neural) How words attend to the English words: alignment (each to the words its own translation gave) or embedding (softmax of cosine / temperature minus the distance from its translation, from --source-embeddings and --target-embeddings).' -rfka 'alignment embedding'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" attention-temperature' -l 'attention-temperature' -d 'Temperature of embedding attention (lower follows the vectors more).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" attention-window' -l 'attention-window' -d 'Words on each side of a word\'s translation that embedding attention reaches.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-scores' -l 'transfer-scores' -d '(neural) Bring the English model\'s tag scores to each word too, after its states (the paper brings the states only).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-dropout' -l 'transfer-dropout' -d '(neural) Dropout on the English features while training (each value dropped with this probability, the others scaled up), beside --dropout on the input.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-dropout-unit' -l 'transfer-dropout-unit' -d '(neural) What one draw of --transfer-dropout drops: a value, a token\'s English features or a sentence\'s (the sentence then trains as if there were no transfer source).' -rfka 'value token sentence'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" transfer-into' -l 'transfer-into' -d '(neural) Where the English features join this model: beside its sentence BiLSTM\'s states under the tag layer (states, the paper\'s place) or in the BiLSTM\'s input beside each word\'s own features (input).' -rfka 'states input'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" source-embeddings' -l 'source-embeddings' -d '(neural) Vectors of the training language, in the English vectors\' space (or mapped there by --mapping): they choose among several translations, as ner-translate does, and make embedding attention.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" target-embeddings' -l 'target-embeddings' -d '(neural) English vectors (fastText .vec) for --source-embeddings.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" mapping' -l 'mapping' -d '(neural) A mapping from \'ner-translate align --save-mapping\' applied to --source-embeddings first.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train"' -l 'unlabelled' -d 'Unlabelled sentences (CoNLL or JSONL; a tag column is ignored) to self-train on after training, FILE or LANG=FILE; repeatable.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" start-model' -l 'start-model' -d 'Self-train from this model (of the --kind trained) instead of training one on the labelled data first; the labelled data still trains with the pseudo-labelled sentences.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" rounds' -l 'rounds' -d 'Self-training rounds: label the unlabelled sentences, keep some, train on them with the labelled data.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" min-confidence' -l 'min-confidence' -d 'Keep a pseudo-labelled sentence only if its confidence (--confidence) is at least this.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" min-token-confidence' -l 'min-token-confidence' -d 'Leave a pseudo-label free when its marginal probability is below this: the sentence trains on the labellings that agree with its other labels (0: keep every label).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" confidence' -l 'confidence' -d 'A sentence\'s confidence: the probability of its labels (sentence) or the lowest of its entities\' (entity).' -rfka 'sentence entity'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" pseudo-weight' -l 'pseudo-weight' -d 'Weight of each pseudo-labelled sentence\'s log-likelihood.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" no-length-threshold' -l 'no-length-threshold' -d 'Do not draw a length threshold each round (by default a round keeps only sentences of at most l tokens, l the length of one of them drawn at random).'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" q quiet' -l 'quiet' -s 'q' -d 'Print nothing on stderr but errors.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag train" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" from' -l 'from' -d 'Input format: auto, conll or jsonl.' -rfka 'auto conll jsonl'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" lang' -l 'lang' -d 'Language of sentences that give none.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" template' -l 'template' -d 'Use the CRF++ templates in this file instead of the built-in features.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" token-column' -l 'token-column' -d 'Column the built-in features read tokens from: a key (tokens, roman, col2...) or a 1-based number.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features"' -l 'column' -d 'A column (key or 1-based number) whose values are extra observations, such as POS tags; repeatable.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" language-features' -l 'language-features' -d 'Add a copy of every feature conjoined with the sentence\'s language.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" language-word-features' -l 'language-word-features' -d 'With --language-features, keep word features (the word, its lowercase, word bigrams and bags) only in their language-conjoined copy: languages then share character, shape and context features and the transitions, not word identities.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" threads' -l 'threads' -d 'Threads to compute features with (default: all cores); the output is the same for any number.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag features" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag dump" top' -l 'top' -d 'How many of the heaviest state features to print (by absolute weight).' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag dump" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag dump" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag dump" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tag' -n '__ner-tag_should_offer_completions_for_flags_or_options "ner-tag help" version' -l 'version' -d 'Show the version.'
