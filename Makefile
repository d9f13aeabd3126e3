# pgdrift: build, install and uninstall.
#
#   make                          release build (Swift standard library linked statically)
#   make install [PREFIX=/usr/local] [DESTDIR=]
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]
#
# install puts the binary in $(PREFIX)/bin, its man page (made from the command definitions by
# swift-argument-parser's manual generator) in $(PREFIX)/share/man/man1, and shell completions for bash,
# zsh and fish in their folders under $(PREFIX)/share. The machine that runs the installed binary needs
# libpq, libcrypto and a C runtime, no Swift toolchain. `install-files` installs what is built already
# (BIN_DIR names it) without building.

PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib
SWIFT = bash -c 'source scripts/swift-env && exec swift "$$@"' swift

BIN_DIR ?= $(shell $(SWIFT) build -c $(CONFIG) $(SWIFT_BUILD_FLAGS) --show-bin-path 2>/dev/null)
ROOT = $(DESTDIR)$(PREFIX)
BASH_DIR = $(ROOT)/share/bash-completion/completions
ZSH_DIR = $(ROOT)/share/zsh/site-functions
FISH_DIR = $(ROOT)/share/fish/vendor_completions.d
MAN_DIR = $(ROOT)/share/man/man1

.PHONY: all build install install-files uninstall print-bin-dir

all: build

build:
	scripts/bootstrap --demo
	scripts/fetch-pg-query --best-effort >/dev/null
	$(SWIFT) build -c $(CONFIG) $(SWIFT_BUILD_FLAGS) --product pgdrift
	$(SWIFT) build -c $(CONFIG) $(SWIFT_BUILD_FLAGS) --product generate-manual

install: build
	$(MAKE) install-files BIN_DIR="$(BIN_DIR)"

install-files:
	@test -x "$(BIN_DIR)/pgdrift" || { echo "make: no pgdrift in '$(BIN_DIR)': run make first" >&2; exit 2; }
	install -d "$(ROOT)/bin" "$(MAN_DIR)" "$(BASH_DIR)" "$(ZSH_DIR)" "$(FISH_DIR)"
	install -m 755 -s "$(BIN_DIR)/pgdrift" "$(ROOT)/bin/pgdrift"
	"$(BIN_DIR)/pgdrift" --generate-completion-script bash > "$(BASH_DIR)/pgdrift"
	"$(BIN_DIR)/pgdrift" --generate-completion-script zsh > "$(ZSH_DIR)/_pgdrift"
	"$(BIN_DIR)/pgdrift" --generate-completion-script fish > "$(FISH_DIR)/pgdrift.fish"
	rm -rf .build/manual && mkdir -p .build/manual
	"$(BIN_DIR)/generate-manual" "$(BIN_DIR)/pgdrift" --output-directory .build/manual --authors "the pgdrift authors"
	install -m 644 .build/manual/pgdrift.1 "$(MAN_DIR)/pgdrift.1"
	@echo "==> installed pgdrift in $(ROOT)/bin (man page, bash, zsh and fish completions under $(ROOT)/share)"

uninstall:
	rm -f "$(ROOT)/bin/pgdrift" "$(MAN_DIR)/pgdrift.1" "$(BASH_DIR)/pgdrift" "$(ZSH_DIR)/_pgdrift" "$(FISH_DIR)/pgdrift.fish"
	@echo "==> removed pgdrift from $(ROOT)"

print-bin-dir:
	@echo "$(BIN_DIR)"
