function __ner-score_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-score_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ner-score_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ner-score_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ner-score_parse_tokens -S
    set -l unparsed_tokens (__ner-score_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ner-score'
        __ner-score_parse_subcommand -r 1 'd=' 'r' 'o=' 'l' 'strict' 'scheme=' 'format=' 'by-length' 'confusion' 'gold=' 'bootstrap=' 'seed=' 'errors' 'partial' 'compare=+' 'samples=' 'from=' 'output=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __ner-score_parse_subcommand -r 1 'version'
        end
    end
end

function __ner-score_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ner-score_parse_subcommand -S -a positional_count
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

function __ner-score_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ner-score_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ner-score_tokens -p)
    if test -z "$(__ner-score_tokens -t)"
        set -l index (count (__ner-score_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ner-score' -f
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" d' -s 'd' -d 'Field delimiter, as a Perl regex like conlleval\'s (default: a single space).' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" r' -s 'r' -d 'Raw tags: every tag other than the outside tag is a one-token chunk (conlleval -r).'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" o' -s 'o' -d 'The outside tag for -r (conlleval -o).' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" l' -s 'l' -d 'LaTeX table rows (conlleval -l).'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" strict' -l 'strict' -d 'Find entities by the rules of --scheme, counting only well-formed ones (as seqeval\'s strict mode).'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" scheme' -l 'scheme' -d 'The scheme for --strict: iob1, iob2, iobes, bilou or io (implies --strict).' -rfka 'iob1 iob2 iobes bilou io'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" format' -l 'format' -d 'Report format: text (conlleval\'s) or json (all figures, per type, micro and macro averages).' -rfka 'text json'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" by-length' -l 'by-length' -d 'Add scores for entities of 1, 2 and 3 or more tokens.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" confusion' -l 'confusion' -d 'Add a type confusion table over spans with matching boundaries, with missed and spurious counts.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" gold' -l 'gold' -d 'Score the input\'s predictions (its last column, or JSONL \'pred\') against this gold file, sentence by sentence; tokenized differently, by character extent over the sentence text.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" bootstrap' -l 'bootstrap' -d 'Add a 95% confidence interval of F1 from this many bootstrap resamplings of sentences.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" seed' -l 'seed' -d 'Seed of the random generator of --bootstrap and --compare.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" errors' -l 'errors' -d 'List the errors instead of the report, one tab-separated line each: sentence id, start and end token, FP, FN, TYPE or BOUNDARY, gold and predicted type and text.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" partial' -l 'partial' -d 'Add partial-credit scores as MUC and SemEval-2013 count them (nervaluate\'s strict, exact, partial and type schemas).'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score"' -l 'compare' -d 'Compare two prediction files against --gold: p-values of their F1 difference by paired bootstrap and approximate randomization.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" samples' -l 'samples' -d 'Samples of each --compare test.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" from' -l 'from' -d 'Input format: auto, conll or jsonl.' -rfka 'auto conll jsonl'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" output' -l 'output' -d 'Write the report to this file (atomically) instead of standard output.' -rfka ''
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" version' -l 'version' -d 'Show the version.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_positional "ner-score" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ner-score' -n '__ner-score_should_offer_completions_for_flags_or_options "ner-score help" version' -l 'version' -d 'Show the version.'
