# ner-tools: build, test, generated files (man pages, shell completions), install.
#
#   make build | release | test       swift build / swift build -c release --static-swift-stdlib / swift test
#   make man completions              regenerate man/ and completions/ (committed files)
#   make check-generated              regenerate both; fail if they differ from git
#   make install [PREFIX=… DESTDIR=…] release binaries, man pages, completions
#   make uninstall                    remove what install put there
#   make bench | example              bash bench/score.sh / build, then make -C examples check
#   make tools                        print the tool list
#
# The tools come from one place: the `let tools = [...]` array of Package.swift
# (every tool is Sources/<tool>/ with one @main command). Adding a tool there
# needs no change here.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
# Every target builds in the same scratch folder; SwiftPM's lock would only make
# parallel jobs wait for each other.
.NOTPARALLEL:

SWIFT ?= swift
# Build folder for build, release, man, completions and install (not for test,
# which is plain `swift test`). e.g. `make man completions SCRATCH=.build-gen`
SCRATCH ?= .build
ifeq ($(strip $(SCRATCH)),)
$(error SCRATCH must name a build folder)
endif
SWIFTPM := --scratch-path $(SCRATCH)

# Fixed so that regenerating the man pages gives the same bytes.
MAN_DATE ?= 2026-11-21
# Extra options for the generate-manual plugin, e.g. --multi-page (one page per
# subcommand) or --authors 'Name<mail>'.
MAN_FLAGS ?=
# Build configuration the plugin builds the tools in before it asks them for
# their help; debug shares the build of `make build` and `swift test`.
MAN_CONFIG ?= debug
MAN_SECTION := 1
PLUGIN_OUT := $(SCRATCH)/plugins/GenerateManual/outputs

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man$(MAN_SECTION)
BASH_COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONDIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# "ner-score ner-convert": the quoted names of `let tools = [...]` (may span lines).
TOOLS := $(shell awk '/^let tools *= *\[/ { on = 1 } on { print; if (index($$0, "]")) exit }' Package.swift | grep -o '"[^"]*"' | tr -d '"')
ifeq ($(strip $(TOOLS)),)
$(error no tools found in the `let tools = [...]` line of Package.swift)
endif

.PHONY: build release test man completions check-generated install uninstall bench example tools

build:
	$(SWIFT) build $(SWIFTPM)

# Release binaries link the Swift runtime statically: they start faster and run on
# machines without a Swift toolchain (a cluster's workers, a Hadoop streaming step).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

release:
	$(SWIFT) build $(SWIFTPM) $(RELEASE_FLAGS)

test:
	swift test

tools:
	@echo $(TOOLS)

# The plugin (swift-argument-parser's GenerateManual) builds every executable
# product and writes $(PLUGIN_OUT)/<tool>/<tool>.1 (one page per tool; with
# MAN_FLAGS=--multi-page also <tool>.<subcommand>.1); it picks its own output
# folder (passing --output-directory makes it fail), so copy the pages from there.
# It leaves the last line without its newline: add it, so that editors and
# end-of-file checks leave the pages as generated. Then scripts/man-page.awk does
# what the plugin cannot be told (paragraphs, examples, the suite's EXIT STATUS,
# SEE ALSO, no `subcommand` or `help` for tools without subcommands, defaults, which
# it reads from each tool's `--experimental-dump-help` with jq). check-generated
# then lints them with `mandoc -Tlint` (Debian's mandoc): no message of level warning
# or above.
MANDOC ?= mandoc
DEFAULTS_JQ := def rows($$sub): (.arguments // [])[] | select(.kind == "option" and .defaultValue != null) \
  | .defaultValue as $$d | .names[] | [$$sub, (if .kind == "long" then "--" else "-" end) + .name, $$d] | @tsv; \
  .command | rows(""), ((.subcommands // [])[] | rows(.commandName))

man:
	rm -rf $(PLUGIN_OUT)
	$(SWIFT) package $(SWIFTPM) generate-manual --configuration $(MAN_CONFIG) --date $(MAN_DATE) --section $(MAN_SECTION) $(MAN_FLAGS)
	mkdir -p man
	rm -f man/*.$(MAN_SECTION)
	bin=$$($(SWIFT) build $(SWIFTPM) -c $(MAN_CONFIG) --show-bin-path); \
	for t in $(TOOLS); do \
	  test -f "$(PLUGIN_OUT)/$$t/$$t.$(MAN_SECTION)" || { echo "make man: no page generated for $$t" >&2; exit 1; }; \
	  "$$bin/$$t" --experimental-dump-help | jq -r '$(DEFAULTS_JQ)' > "$(PLUGIN_OUT)/$$t/defaults.tsv"; \
	  for page in "$(PLUGIN_OUT)/$$t/"*.$(MAN_SECTION); do \
	    sed -i -e '$$a\' "$$page"; \
	    awk -v tool=$$t -v tools="$(TOOLS)" -v defaults="$(PLUGIN_OUT)/$$t/defaults.tsv" \
	      -f scripts/man-page.awk "$$page" "$$page" > man/$$(basename "$$page"); \
	  done; \
	done

completions: build
	bin=$$($(SWIFT) build $(SWIFTPM) --show-bin-path); \
	mkdir -p completions/bash completions/zsh completions/fish; \
	rm -f completions/bash/* completions/zsh/_* completions/fish/*.fish; \
	for t in $(TOOLS); do \
	  "$$bin/$$t" --generate-completion-script bash > completions/bash/$$t.tmp; \
	  "$$bin/$$t" --generate-completion-script zsh  > completions/zsh/_$$t.tmp; \
	  "$$bin/$$t" --generate-completion-script fish > completions/fish/$$t.fish.tmp; \
	  mv completions/bash/$$t.tmp completions/bash/$$t; \
	  mv completions/zsh/_$$t.tmp completions/zsh/_$$t; \
	  mv completions/fish/$$t.fish.tmp completions/fish/$$t.fish; \
	done

# Regenerate, then fail on any difference from git: changed or deleted files,
# or new ones not yet committed.
check-generated: man completions
	$(MANDOC) -Tlint -W warning man/*.$(MAN_SECTION)
	git diff --exit-code -- man completions
	@untracked=$$(git ls-files --others --exclude-standard -- man completions); \
	if [ -n "$$untracked" ]; then \
	  echo "check-generated: generated files not in git:" >&2; echo "$$untracked" >&2; exit 1; \
	fi
	@echo "check-generated: man/ and completions/ are up to date"

install: release
	bin=$$($(SWIFT) build $(SWIFTPM) $(RELEASE_FLAGS) --show-bin-path); \
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASH_COMPLETIONDIR)" \
	  "$(DESTDIR)$(ZSH_COMPLETIONDIR)" "$(DESTDIR)$(FISH_COMPLETIONDIR)"; \
	for t in $(TOOLS); do \
	  install -m 755 "$$bin/$$t" "$(DESTDIR)$(BINDIR)/$$t"; \
	  install -m 644 man/$$t.$(MAN_SECTION) $$(compgen -G "man/$$t.*.$(MAN_SECTION)" || true) "$(DESTDIR)$(MANDIR)/"; \
	  install -m 644 completions/bash/$$t "$(DESTDIR)$(BASH_COMPLETIONDIR)/$$t"; \
	  install -m 644 completions/zsh/_$$t "$(DESTDIR)$(ZSH_COMPLETIONDIR)/_$$t"; \
	  install -m 644 completions/fish/$$t.fish "$(DESTDIR)$(FISH_COMPLETIONDIR)/$$t.fish"; \
	done

uninstall:
	for t in $(TOOLS); do \
	  rm -f "$(DESTDIR)$(BINDIR)/$$t" "$(DESTDIR)$(MANDIR)/$$t.$(MAN_SECTION)" "$(DESTDIR)$(MANDIR)/$$t".*.$(MAN_SECTION) \
	    "$(DESTDIR)$(BASH_COMPLETIONDIR)/$$t" "$(DESTDIR)$(ZSH_COMPLETIONDIR)/_$$t" "$(DESTDIR)$(FISH_COMPLETIONDIR)/$$t.fish"; \
	done

bench:
	bash bench/score.sh

# Builds the tools (debug, in $(SCRATCH)), then runs examples/ and compares its
# outputs with examples/expected/.
example:
	$(MAKE) -C examples check SWIFT=$(SWIFT) SCRATCH=$(SCRATCH)
