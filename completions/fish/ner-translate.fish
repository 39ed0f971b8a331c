function __ner-translate_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-translate_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-translate_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-translate_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-translate_parse_tokens -S
    set -l unparsed_tokens (__ner-translate_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-translate'
        __ner-translate_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'translate'
            __ner-translate_parse_subcommand -r 1 'dictionary=' 'target-lang=' 'keep-source' 'fallback=' 'copy-types=' 'case-restoration' 'no-case-restoration' 'source-embeddings=' 'target-embeddings=' 'max-vocab=' 'mapping=' 'alpha=' 'window=' 'k=' 'attention=' 'attention-temperature=' 'attention-window=' 'stats' 'from=' 'to=' 'o/output=' 'version' 'h/help'
        case 'align'
            __ner-translate_parse_subcommand 0 'source-embeddings=' 'target-embeddings=' 'max-vocab=' 'dictionary=' 'identical' 'rounds=' 'max-rank=' 'search-rank=' 'method=' 'k=' 'build=' 'normalize=' 'o/output=' 'save-mapping=' 'decimals=' 'q/quiet' 'adversarial' 'init=' 'criterion-words=' 'keep-round=' 'seed=' 'discriminator-width=' 'discriminator-layers=' 'discriminator-steps=' 'epochs=' 'epoch-size=' 'most-frequent=' 'learning-rate=' 'init-vocabulary=' 'init-patience=' 'threads=' 'version' 'h/help'
        case 'induce'
            __ner-translate_parse_subcommand 0 'source-embeddings=' 'target-embeddings=' 'max-vocab=' 'mapping=' 'method=' 'k=' 'max-rank=' 'build=' 'o/output=' 'version' 'h/help'
        case 'evaluate'
            __ner-translate_parse_subcommand 0 'source-embeddings=' 'target-embeddings=' 'max-vocab=' 'dictionary=' 'mapping=' 'normalize=' 'method=' 'k=' 'version' 'h/help'
        case 'help'
            __ner-translate_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-translate_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-translate_parse_subcommand -S -a positional_count
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

function __ner-translate_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-translate_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-translate_tokens -p)
    if test -z "$(__ner-translate_tokens -t)"
        set -l index (count (__ner-translate_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-translate' -f
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate" version' -l 'version' -d 'Show the version.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_positional "ner-translate" -eq 1' -fa 'translate' -d 'Translate the tokens of labelled CoNLL or JSONL word by word (the default subcommand).'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_positional "ner-translate" -eq 1' -fa 'align' -d 'Map source embeddings into the target space (Procrustes, adversarial or unsupervised, refined as MUSE does).'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_positional "ner-translate" -eq 1' -fa 'induce' -d 'Write the bilingual dictionary that aligned embeddings imply, with scores.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_positional "ner-translate" -eq 1' -fa 'evaluate' -d 'Word-translation precision@1/5/10 of aligned embeddings on a test dictionary.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_positional "ner-translate" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" dictionary' -l 'dictionary' -d 'Bilingual dictionary, \'source target\' a line (MUSE format).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" target-lang' -l 'target-lang' -d 'Language code for \'# lang\' (default: the part of the dictionary\'s file name after the \'-\' of \'xx-yy\', if it has one).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" keep-source' -l 'keep-source' -d 'Keep each source token in a \'source\' column after the token column.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" fallback' -l 'fallback' -d 'Tokens without an entry: keep them, or translate them to their CSLS nearest neighbour (needs both embeddings).' -rfka 'keep csls'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" copy-types' -l 'copy-types' -d 'Entity types whose tokens are copied unchanged, comma-separated (e.g. PER,LOC).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" case-restoration' -l 'case-restoration' -d 'Give translations the source token\'s letter case (Title, UPPER).'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" no-case-restoration' -l 'no-case-restoration' -d 'Give translations the source token\'s letter case (Title, UPPER).'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" source-embeddings' -l 'source-embeddings' -d 'Source-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" target-embeddings' -l 'target-embeddings' -d 'Target-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" max-vocab' -l 'max-vocab' -d 'Read only the first N words of each .vec file (the most frequent); 0 reads all.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" mapping' -l 'mapping' -d 'A mapping from \'align --save-mapping\' to apply to the source embeddings first.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" alpha' -l 'alpha' -d 'Weight of the word\'s own similarity in the reverse-translation score.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" window' -l 'window' -d 'Source words on each side that make a word\'s context.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" k' -l 'k' -d 'CSLS neighbourhood size for --fallback csls (at most the vocabulary: a larger k is the whole vocabulary).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" attention' -l 'attention' -d 'Keep the tokens and add, for each sentence, its English (target) translation as the field \'translation\' and each word\'s attention over it as \'attention\' (rows of [index, weight] pairs summing to one; \'# translation = ...\' lines in CoNLL): what \'ner-tag train --transfer-model\' brings to a word. alignment: each word attends to the words of its own translation; embedding: softmax of cosine / --attention-temperature minus the distance from its translation, from the two embeddings.' -rfka 'alignment embedding'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" attention-temperature' -l 'attention-temperature' -d 'Temperature of embedding attention (lower follows the vectors more).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" attention-window' -l 'attention-window' -d 'Words on each side of a word\'s translation that embedding attention reaches.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" stats' -l 'stats' -d 'Print a summary of what happened to the tokens on stderr.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" from' -l 'from' -d 'Input format: auto, conll or jsonl.' -rfka 'auto conll jsonl'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" to' -l 'to' -d 'Output format: conll or jsonl (default: the input\'s format).' -rfka 'conll jsonl'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" version' -l 'version' -d 'Show the version.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate translate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" source-embeddings' -l 'source-embeddings' -d 'Source-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" target-embeddings' -l 'target-embeddings' -d 'Target-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" max-vocab' -l 'max-vocab' -d 'Read only the first N words of each .vec file (the most frequent); 0 reads all.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" dictionary' -l 'dictionary' -d 'Seed dictionary, \'source target\' a line.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" identical' -l 'identical' -d 'Seed with the words spelled the same in both vocabularies.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" rounds' -l 'rounds' -d 'Procrustes solutions in all: the first on the seed, the others on induced dictionaries (MUSE\'s n_refinement).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" max-rank' -l 'max-rank' -d 'Induced dictionaries use only the N most frequent words of each side.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" search-rank' -l 'search-rank' -d 'Induced dictionaries search candidates (and CSLS\'s neighbourhoods) among the N most frequent words of each side only; 0: the whole vocabularies (MUSE), quadratic in their size.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" method' -l 'method' -d 'Retrieval for induced dictionaries: nn, csls or csls_knn_K.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" k' -l 'k' -d 'Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" build' -l 'build' -d 'Which pairs an induced dictionary keeps: s2t, t2s, mutual (both directions agree) or union.' -rfka 's2t t2s mutual union'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" normalize' -l 'normalize' -d 'Normalize both spaces first, steps in order, comma-separated: renorm (unit length), center (subtract the mean); e.g. renorm,center,renorm.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" o output' -s 'o' -l 'output' -d 'Write the mapped source vectors (.vec) to this file (atomically).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" save-mapping' -l 'save-mapping' -d 'Write the map W to this file (text: \'ROWS COLUMNS\', then the rows).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" decimals' -l 'decimals' -d 'Digits after the decimal point in the written vectors.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stderr but errors.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" adversarial' -l 'adversarial' -d 'No dictionary: start from an adversarially trained mapping (Conneau et al. 2018, MUSE), then refine.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" init' -l 'init' -d 'No dictionary: start from an unsupervised initialization, then refine: \'similarity\' (VecMap\'s similarity-distribution dictionary and stochastic self-learning, Artetxe et al. 2018) or \'identical\' (the words spelled the same on both sides as the seed dictionary, as --identical: the start that works on small vectors of one script).' -rfka 'similarity identical'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" criterion-words' -l 'criterion-words' -d 'The unsupervised criterion: the mean cosine of each of the N most frequent source words and its CSLS translation (r terms among the same N words of each side).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" keep-round' -l 'keep-round' -d 'How refinement chooses the round it keeps: \'held-out\' (CSLS precision@1 on every 10th source word of the seed dictionary, left out of the fit; the default with --dictionary or --identical) or \'criterion\' (the unsupervised criterion; the only choice without a seed).' -rfka 'held-out criterion'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" seed' -l 'seed' -d 'Seed of the random draws of --adversarial and --init.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" discriminator-width' -l 'discriminator-width' -d '--adversarial: units of each hidden layer of the discriminator (MUSE: 2048).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" discriminator-layers' -l 'discriminator-layers' -d '--adversarial: hidden layers of the discriminator (MUSE: 2).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" discriminator-steps' -l 'discriminator-steps' -d '--adversarial: discriminator steps per mapping step (MUSE: 5).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" epochs' -l 'epochs' -d '--adversarial: epochs; the criterion after each picks the best mapping and drives the learning rate (MUSE: 5).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" epoch-size' -l 'epoch-size' -d '--adversarial: vectors drawn per epoch, in batches of 32 (MUSE: 1,000,000).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" most-frequent' -l 'most-frequent' -d '--adversarial: batches come from the N most frequent words of each side; 0: all (MUSE: 75,000).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" learning-rate' -l 'learning-rate' -d '--adversarial: SGD learning rate of the mapping and of the discriminator (MUSE: 0.1).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" init-vocabulary' -l 'init-vocabulary' -d '--init similarity: words taking part in self-learning (VecMap: 20,000).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" init-patience' -l 'init-patience' -d '--init similarity: iterations without improvement before the kept share of similarities doubles (VecMap: 50).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" threads' -l 'threads' -d 'Threads for the similarity passes (results do not depend on it).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" version' -l 'version' -d 'Show the version.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate align" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" source-embeddings' -l 'source-embeddings' -d 'Source-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" target-embeddings' -l 'target-embeddings' -d 'Target-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" max-vocab' -l 'max-vocab' -d 'Read only the first N words of each .vec file (the most frequent); 0 reads all.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" mapping' -l 'mapping' -d 'A mapping from \'align --save-mapping\' to apply to the source embeddings first.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" method' -l 'method' -d 'Retrieval: nn, csls or csls_knn_K.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" k' -l 'k' -d 'Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" max-rank' -l 'max-rank' -d 'Query only the N most frequent words of each side; 0 queries all.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" build' -l 'build' -d 'Which pairs to keep: s2t, t2s, mutual or union.' -rfka 's2t t2s mutual union'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" version' -l 'version' -d 'Show the version.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate induce" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" source-embeddings' -l 'source-embeddings' -d 'Source-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" target-embeddings' -l 'target-embeddings' -d 'Target-language word vectors (fastText .vec text).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" max-vocab' -l 'max-vocab' -d 'Read only the first N words of each .vec file (the most frequent); 0 reads all.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" dictionary' -l 'dictionary' -d 'Test dictionary, \'source target\' a line.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" mapping' -l 'mapping' -d 'A mapping from \'align --save-mapping\' to apply to the source embeddings first.' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" normalize' -l 'normalize' -d 'Normalize both spaces before the mapping, as \'align --normalize\' did (the same steps: a mapping learned on normalized vectors maps normalized vectors).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" method' -l 'method' -d 'Retrieval: nn, csls, csls_knn_K, or all (nn and csls).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" k' -l 'k' -d 'Neighbourhood size of CSLS (at most the vocabulary: a larger k is the whole vocabulary).' -rfka ''
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" version' -l 'version' -d 'Show the version.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate evaluate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-translate' -n '__ner-translate_should_offer_completions_for_flags_or_options "ner-translate help" version' -l 'version' -d 'Show the version.'
