function __ner-tokenize_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-tokenize_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-tokenize_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-tokenize_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-tokenize_parse_tokens -S
    set -l unparsed_tokens (__ner-tokenize_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-tokenize'
        __ner-tokenize_parse_subcommand -r 1 'lang=' 'no-split' 'split-hyphens' 'pretokenized' 'normalize=' 'lower' 'mask-digits' 'mask-urls' 'replace-invalid' 'no-metadata' 'threads=' 'to=' 'o/output=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __ner-tokenize_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-tokenize_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-tokenize_parse_subcommand -S -a positional_count
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

function __ner-tokenize_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-tokenize_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-tokenize_tokens -p)
    if test -z "$(__ner-tokenize_tokens -t)"
        set -l index (count (__ner-tokenize_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-tokenize' -f
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" lang' -l 'lang' -d 'Language code for ICU\'s sentence rules and abbreviations (ISO 639-1: es, en, de...).' -rfka ''
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" no-split' -l 'no-split' -d 'Keep each input line as one sentence.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" split-hyphens' -l 'split-hyphens' -d 'Split hyphenated compounds (Jean-Pierre) into words and hyphens.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" pretokenized' -l 'pretokenized' -d 'Input is already tokenized: split lines on whitespace only, one sentence per line.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" normalize' -l 'normalize' -d 'Unicode normalization of the tokens: nfc, nfkc, nfd or nfkd (\'text\' is never changed).' -rfka 'nfc nfd nfkc nfkd'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" lower' -l 'lower' -d 'Lowercase the tokens.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" mask-digits' -l 'mask-digits' -d 'Replace every decimal digit of the tokens with 0.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" mask-urls' -l 'mask-urls' -d 'Replace URLs with \'url\', e-mail addresses with \'email\' and numbers with \'num\'.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" replace-invalid' -l 'replace-invalid' -d 'Replace invalid UTF-8 with U+FFFD instead of stopping.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" no-metadata' -l 'no-metadata' -d 'Write no \'# id\' and \'# text\' lines (CoNLL) or fields (JSONL).'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" threads' -l 'threads' -d 'Threads to tokenize with (default: all cores); the output is the same for any number.' -rfka ''
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" to' -l 'to' -d 'Output format: conll or jsonl.' -rfka 'conll jsonl'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" version' -l 'version' -d 'Show the version.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_positional "ner-tokenize" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-tokenize' -n '__ner-tokenize_should_offer_completions_for_flags_or_options "ner-tokenize help" version' -l 'version' -d 'Show the version.'
