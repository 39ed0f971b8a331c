# Adds the gold tag of a hand-annotated CoNLL file (token, tag) as a last column
# of ner-tokenize's output, and stops if the two differ in a token or a sentence
# boundary, so a change in the tokenizer shows here first.
#
#   awk -v gold=data/es.train.conll -f add-gold.awk es.train.tok.conll
#
# Comment lines ('# id', '# lang', '# text') pass through; the gold file's own
# comment lines, if any, are skipped.
BEGIN { FS = OFS = "\t" }
function fail(msg) {
  printf "add-gold.awk: %s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
  failed = 1
  exit 1
}
function next_gold() {
  while ((status = getline g < gold) > 0)
    if (g !~ /^#/) return 1
  if (status < 0) fail("cannot read " gold)
  return 0
}
/^#/ { print; next }
{
  if (!next_gold()) fail(gold " has fewer lines than the tokens")
  if ($0 == "" || g == "") {
    if ($0 != g) fail("a sentence boundary differs: gold line '" g "', token line '" $0 "'")
    print
    next
  }
  n = split(g, f, "\t")
  if (f[1] != $1) fail("token '" $1 "' but " gold " has '" f[1] "'")
  print $0, f[n]
}
END {
  if (!failed && next_gold()) fail(gold " has more lines than the tokens")
}
