# Newsdrop: `make run` and `make test` are all a fresh machine needs.
SWIFT      ?= swift
INBOX      ?= var/inbox
STATE      ?= var/state
APT        := libsystemd-dev libstemmer-dev libcld2-dev pkg-config iso-codes
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN        := .build/release/newsdrop
CORPUS     ?= ../shared/corpus/labeled
FOLDS      ?= 5

.PHONY: run test build deps journald model eval bench-classify bench-stories idf gazetteer lint format clean

## Install the Debian packages that are missing (libsystemd, Snowball, CLD2).
deps:
	@missing=$$(for p in $(APT); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
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

build: deps
	$(SWIFT) build -c release

## Build and run the daemon on ./var/inbox with its state in ./var/state.
run: build
	mkdir -p $(INBOX) $(STATE)
	$(BIN) run --inbox $(INBOX) --state-dir $(STATE)

## Every test: unit, property and end-to-end (real process, real inotify, real journald).
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

## Time of story placement per article with 1k and 50k stories open (release).
bench-stories: build
	$(SWIFT) build -c release --product StoryTiming
	.build/release/StoryTiming data $(CORPUS) 1000 50000

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
