# Rogue Merchant Watch: the two commands are `make serve` and `make test`.
# Every target bootstraps what it needs (.venv, pinned packages, catalogs).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)
# Strict builds: a warning (a skipped post, a bad date) fails the build.
# Never add -q: it switches --fatal off.
PELICAN := $(BIN)/pelican --fatal warnings

.PHONY: help venv build publish serve test check catalogs translations browser clean \
	post translate translation-status translation-done

help:
	@echo "make serve         build, serve on http://$(HOST):$(PORT), rebuild on changes"
	@echo "make test          run every test (installs what it needs)"
	@echo "make build         development build into output/"
	@echo "make publish       production build (SITEURL from the environment)"
	@echo "make check         check every post and page, and name each mistake"
	@echo "make post TITLE='...' CATEGORY=key [LANGUAGE=ja SLUG=...]   start a post"
	@echo "make translate POST=content/en/SLUG.md                    start its translation"
	@echo "make translation-status                                   missing and stale translations"
	@echo "make translation-done POST=content/ja/SLUG.md             record a caught-up translation"
	@echo "make translations  re-extract theme strings and update the .po files"

venv: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

catalogs: $(MO)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

translations: $(STAMP)
	$(BIN)/pybabel extract -F translations/babel.cfg --no-location --sort-output -k N_ \
		--project="Rogue Merchant Watch" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

NEWSROOM := $(BIN)/python tools/newsroom.py

post: $(STAMP)
	$(NEWSROOM) new "$(TITLE)" $(if $(CATEGORY),--category $(CATEGORY)) \
		$(if $(LANGUAGE),--lang $(LANGUAGE)) $(if $(SLUG),--slug $(SLUG))

translate: $(STAMP)
	$(NEWSROOM) translate "$(POST)" $(if $(TO),--to $(TO))

translation-status: $(STAMP)
	$(NEWSROOM) status

translation-done: $(STAMP)
	$(NEWSROOM) record "$(POST)"

check: $(STAMP)
	cd plugins && ../$(BIN)/python -m content_check ../pelicanconf.py

build: $(STAMP) catalogs
	$(PELICAN) -s pelicanconf.py

# Built into a fresh folder and swapped in only when the build succeeds, so a
# failed publish leaves the previous output untouched.
publish: $(STAMP) catalogs
	@test -n "$$SITEURL" || { echo "Set SITEURL, e.g. SITEURL=https://news.example.org make publish"; exit 1; }
	rm -rf output.next
	$(PELICAN) -s publishconf.py -o output.next
	rm -rf output.previous
	if [ -d output ]; then mv output output.previous; fi
	mv output.next output
	rm -rf output.previous

serve: build
	$(BIN)/python tools/serve.py --host $(HOST) --port $(PORT)

# Browser tests drive Debian's Chromium; install it (as root) when missing.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else \
			echo "Install Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk"; \
			exit 1; \
		fi; \
	fi

test: $(STAMP) catalogs browser
	$(BIN)/python -m pytest

clean:
	rm -rf output output.next output.previous test-artifacts
