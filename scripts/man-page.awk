# scripts/man-page.awk: finishes a page of swift-argument-parser's generate-manual
# plugin (mdoc) where the plugin cannot be told (the Makefile's `man` target runs it
# on every page, so `make man` stays byte-reproducible):
#
#   - DESCRIPTION: the discussion's blank lines become .Pp (groff warned "Empty input
#     line"), one sentence a line, indented lines (examples) in literal displays; the
#     root command's EXAMPLES move to their own EXAMPLES section;
#   - SYNOPSIS: no `subcommand` for a tool without subcommands, an optional one for a
#     tool with a default subcommand ("(the default subcommand)" in its abstract);
#   - no `help` subcommand entry for a tool without subcommands (there, `help` would be
#     read as an input file);
#   - every option's default (from DEFAULTS) after its description, unless the
#     description already names its default;
#   - .Pp right before .It or .El dropped (mandoc: "skipping paragraph macro");
#   - EXIT STATUS: the suite's codes (0, 64, 65, 66, 74) instead of `.Ex -std`;
#   - SEE ALSO: the other tools of TOOLS.
#
# Usage: awk -v tool=ner-score -v tools="ner-score ner-convert ..." -v defaults=FILE \
#            -f scripts/man-page.awk PAGE PAGE > NEW_PAGE
# (the page twice: a first pass finds the subcommands and the root's examples).
# DEFAULTS holds lines "SUBCOMMAND<TAB>-x or --name<TAB>default" (SUBCOMMAND empty for
# the tool itself), as the Makefile writes them from `--experimental-dump-help`.

function flush_pp() { if (pending_pp) { print ".Pp"; pending_pp = 0 } }
function close_literal() { if (literal) { print ".Ed"; literal = 0 } }
function protect(s) { return (s ~ /^[.']/) ? "\\&" s : s }
# A text line, one sentence a line (mandoc: "new sentence, new line").
function text(line,    n, i, parts) {
  flush_pp()
  gsub(/[.?!][)'"]* +/, "&\n", line)
  n = split(line, parts, "\n")
  for (i = 1; i <= n; i++) {
    sub(/ +$/, "", parts[i])
    if (parts[i] != "") print protect(parts[i])
  }
}
function default_note() {
  if (default_for != "") { print "Default: " default_for "."; default_for = "" }
}

BEGIN {
  while (defaults != "" && (getline row < defaults) > 0) {
    split(row, f, "\t")
    dflt[f[1] SUBSEP f[2]] = f[3]
  }
}

# ---- first pass ------------------------------------------------------------------
FNR == NR {
  if ($0 ~ /^\.It Em / && $3 != "help") { subs++; last_sub = $3; next }
  if (last_sub != "" && !(last_sub in abstract_seen)) {
    abstract_seen[last_sub] = 1
    if ($0 ~ /\(the default subcommand\)/) default_sub = last_sub
  }
  if ($0 == ".Sh DESCRIPTION") in_root_discussion = 1
  else if ($0 ~ /^\./) in_root_discussion = 0
  else if (in_root_discussion) {
    if ($0 == "EXAMPLES:") in_root_examples = 1
    else if (in_root_examples && $0 ~ /^  /) { root_examples[++n_examples] = substr($0, 3) }
    else in_root_examples = 0
  }
  next
}

# ---- second pass -----------------------------------------------------------------
FNR == 1 { section = ""; depth = 0; sub_name = "" }

/^\.Sh / {
  close_literal(); pending_pp = 0; default_note()
  section = $0
  sub(/^\.Sh "?/, "", section); sub(/"$/, "", section)
}

section == "NAME" && /^\.Nd / { sub(/\."$/, "\"") }

section == "SYNOPSIS" && $0 == ".Ar subcommand" {
  if (subs == 0) next
  if (default_sub != "") { print ".Op Ar subcommand"; next }
}

# The `help` entry of a tool without subcommands, through the end of its list.
skipping_help {
  if ($0 ~ /^\.Bl/) { depth++; next }
  else if ($0 == ".El") { if (depth == 1) skipping_help = 0; else { depth--; next } }
  else if ($0 ~ /^\.It / && depth == 1) skipping_help = 0
  else next
}
subs == 0 && $0 == ".It Em help" && depth == 1 { skipping_help = 1; next }

section == "EXIT STATUS" && $0 == ".Ex -std" {
  print ".Bl -tag -width Ds"
  print ".It 0"
  print "Success."
  print ".It 64"
  print "Usage error: an unknown option, a missing or invalid argument."
  print ".It 65"
  print "Bad input data: ragged columns, invalid UTF-8 or JSON, a tag that is not a tag,"
  print "a damaged model; the message names the file and line."
  print "Everything before the bad record has been written."
  print ".It 66"
  print "An input file (or model) cannot be opened."
  print ".It 74"
  print "An I/O error while reading or writing."
  print ".El"
  if (n_examples) {
    print ".Sh EXAMPLES"
    print ".Bd -literal -offset indent"
    for (i = 1; i <= n_examples; i++) print protect(root_examples[i])
    print ".Ed"
  }
  print ".Sh SEE ALSO"
  n = split(tools, t, " ")
  m = 0
  for (i = 1; i <= n; i++) if (t[i] != tool) others[++m] = t[i]
  for (i = 2; i <= m; i++)  # sorted, as mandoc wants
    for (j = i; j > 1 && others[j - 1] > others[j]; j--) { s = others[j]; others[j] = others[j - 1]; others[j - 1] = s }
  for (i = 1; i <= m; i++) print ".Xr " others[i] " 1" (i < m ? " ," : "")
  next
}

# Macro lines.
/^\./ {
  close_literal()
  if ($0 == ".Pp") { default_note(); pending_pp = 1; next }
  if ($0 ~ /^\.(It|El)/) pending_pp = 0
  default_note()
  flush_pp()
  if ($0 ~ /^\.Bl/) depth++
  else if ($0 == ".El") depth--
  else if ($0 ~ /^\.It Em / && depth == 1) sub_name = $3
  else if ($0 ~ /^\.It Fl /) {
    key = "-" $3
    scope = (depth == 1) ? "" : sub_name
    # --threads defaults to the machine's cores: its help says so in words.
    if ((scope SUBSEP key) in dflt && key != "--threads") default_for = dflt[scope SUBSEP key]
  }
  in_examples = 0
  print
  next
}

# Text lines (the discussion, abstracts).
{
  if ($0 == "") { close_literal(); default_note(); pending_pp = 1; next }
  if (section == "DESCRIPTION" && depth == 0) {
    # The root's examples are printed in their own section.
    if ($0 == "EXAMPLES:") { in_examples = 1; pending_pp = 0; next }
    if (in_examples && $0 ~ /^  /) next
  }
  if ($0 ~ /^  /) {
    if (!literal) { flush_pp(); print ".Bd -literal -offset indent"; literal = 1 }
    print protect(substr($0, 3))
    next
  }
  close_literal()
  if (default_for != "" && tolower($0) ~ /default/) default_for = ""
  text($0)
  default_note()
}
END { close_literal() }
