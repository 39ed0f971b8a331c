function __ner-romanize_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-romanize_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-romanize_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-romanize_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-romanize_parse_tokens -S
    set -l unparsed_tokens (__ner-romanize_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-romanize'
        __ner-romanize_parse_subcommand -r 1 'lang=' 'transform=' 'list-transforms' 'in-place' 'keep-diacritics' 'from=' 'to=' 'o/output=' 'q/quiet' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __ner-romanize_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-romanize_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-romanize_parse_subcommand -S -a positional_count
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

function __ner-romanize_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-romanize_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-romanize_tokens -p)
    if test -z "$(__ner-romanize_tokens -t)"
        set -l index (count (__ner-romanize_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-romanize' -f
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" lang' -l 'lang' -d 'Language of sentences that give none (ISO 639-1, or 639-3 for the languages with rules: ru, uk, hi, mr, fa...; a sentence\'s \'# lang\' or JSONL \'lang\' comes first); default: rules for any language, with a warning.' -rfka ''
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" transform' -l 'transform' -d 'Use this ICU transform or compound ID instead of the project\'s rules.' -rfka ''
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" list-transforms' -l 'list-transforms' -d 'Print the transform IDs ICU offers and exit.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" in-place' -l 'in-place' -d 'Replace the tokens instead of adding a column.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" keep-diacritics' -l 'keep-diacritics' -d 'Leave Latin-script tokens unchanged, diacritics included.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" from' -l 'from' -d 'Input format: auto, conll or jsonl.' -rfka 'auto conll jsonl'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" to' -l 'to' -d 'Output format: conll or jsonl (default: the input\'s format).' -rfka 'conll jsonl'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" q quiet' -s 'q' -l 'quiet' -d 'Do not warn that sentences without a language get the generic rules.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" version' -l 'version' -d 'Show the version.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_positional "ner-romanize" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-romanize' -n '__ner-romanize_should_offer_completions_for_flags_or_options "ner-romanize help" version' -l 'version' -d 'Show the version.'
