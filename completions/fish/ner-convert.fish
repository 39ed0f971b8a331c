function __ner-convert_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-convert_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-convert_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-convert_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-convert_parse_tokens -S
    set -l unparsed_tokens (__ner-convert_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-convert'
        __ner-convert_parse_subcommand -r 1 'from=' 'to=' 'lang=' 'no-split' 'split-hyphens' 'pretokenized' 'misaligned=' 'label-names=' 'join-tokens' 'scheme=' 'input-scheme=' 'strict' 'normalize=' 'no-metadata' 'o/output=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __ner-convert_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-convert_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-convert_parse_subcommand -S -a positional_count
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

function __ner-convert_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-convert_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-convert_tokens -p)
    if test -z "$(__ner-convert_tokens -t)"
        set -l index (count (__ner-convert_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-convert' -f
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" from' -l 'from' -d 'Input format: auto (CoNLL or JSONL, from the first non-blank byte), conll, jsonl, doccano, label-studio, spacy or brat.' -rfka 'auto conll jsonl doccano label-studio spacy brat'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" to' -l 'to' -d 'Output format: conll, jsonl, spans, doccano, label-studio, spacy or brat (default: the input\'s format).' -rfka 'conll jsonl spans doccano label-studio spacy brat'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" lang' -l 'lang' -d 'Language code for the tokenizer\'s sentence rules, reading a format with offsets (as ner-tokenize --lang).' -rfka ''
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" no-split' -l 'no-split' -d 'Reading a format with offsets: keep each line of a document one sentence.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" split-hyphens' -l 'split-hyphens' -d 'Reading a format with offsets: split hyphenated compounds (Jean-Pierre) into words and hyphens.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" pretokenized' -l 'pretokenized' -d 'Reading a format with offsets: split lines on spaces and tabs only, one sentence a line.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" misaligned' -l 'misaligned' -d 'A span that is not on token boundaries, empty, discontinuous, across sentences or overlapping another: error (stop), expand (widen it to its tokens) or drop; both with a warning (default: error).' -rfka 'error expand drop'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" label-names' -l 'label-names' -d 'Names of integer tags in JSONL (\'ner_tags\' of Hugging Face datasets), 0 first: O,B-PER,I-PER,... or a file with one name a line.' -rfka ''
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" join-tokens' -l 'join-tokens' -d 'Writing a format with offsets: a sentence with no \'text\' gets its tokens joined by spaces.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" scheme' -l 'scheme' -d 'Rewrite the tag column (and any \'pred\' column) in this scheme: iob1, iob2, iobes, bilou or io.' -rfka 'iob1 iob2 iobes bilou io'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" input-scheme' -l 'input-scheme' -d 'The scheme of the input tags, for --strict (default: read any scheme leniently, as conlleval.pl does).' -rfka 'iob1 iob2 iobes bilou io'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" strict' -l 'strict' -d 'Reject input tags that are invalid in --input-scheme, naming the line of the first invalid transition.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" normalize' -l 'normalize' -d 'Normalize tokens to this Unicode form: nfc, nfd, nfkc or nfkd.' -rfka 'nfc nfd nfkc nfkd'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" no-metadata' -l 'no-metadata' -d 'Drop metadata and comment lines (\'# ...\' in CoNLL, id/text/... fields in JSONL).'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" version' -l 'version' -d 'Show the version.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_positional "ner-convert" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-convert' -n '__ner-convert_should_offer_completions_for_flags_or_options "ner-convert help" version' -l 'version' -d 'Show the version.'
