# Rogue Merchant Watch: the two commands are `make serve` and `make test`.
# Every target bootstraps what it needs (.venv, pinned packages, catalogs).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REQUIREMENTS_ID := $(shell sha1sum requirements.txt | cut -c1-12)
STAMP := $(VENV)/.installed-$(REQUIREMENTS_ID)
HOST ?= 127.0.0.1
PORT ?= 8000
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)
# Strict builds: a warning (a skipped post, a bad date) fails the build.
# Never add -q: it switches --fatal off.
PELICAN := $(BIN)/pelican --fatal warnings

.PHONY: help venv build preview publish serve test check catalogs translations clean \
	post translate translation-status translation-done urls system-packages

help:
	@echo "make serve         build, serve on http://$(HOST):$(PORT), rebuild on changes"
	@echo "make test          run every test (installs what it needs)"
	@echo "make build         development build into output/, from scratch"
	@echo "make preview       the same, rendering only the pages whose inputs changed"
	@echo "make publish       production build (SITEURL from the environment)"
	@echo "make check         check every post and page, and name each mistake"
	@echo "make post TITLE='...' CATEGORY=key [LANGUAGE=ja SLUG=...]   start a post"
	@echo "make translate POST=content/en/SLUG.md                    start its translation"
	@echo "make translation-status                                   missing and stale translations"
	@echo "make translation-done POST=content/ja/SLUG.md             record a caught-up translation"
	@echo "make urls          add newly published URLs to published-urls.txt"
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
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

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

# The preview's build: keeps output/ and the content cache between runs and
# renders only the pages whose inputs changed. Same pages as `build`. The cache
# is per set of pinned packages: a new Pelican cannot read an older one's.
WARM_SETTINGS := LOAD_CONTENT_CACHE=true CACHE_CONTENT=true DELETE_OUTPUT_DIRECTORY=false \
	CONTENT_CACHING_LAYER='"generator"' GZIP_CACHE=false CACHE_PATH='"cache/$(REQUIREMENTS_ID)"'
preview: $(STAMP) catalogs
	$(PELICAN) -s pelicanconf.py -e $(WARM_SETTINGS)

# Built into a fresh folder and swapped in only when the build succeeds, so a
# failed publish leaves the previous output untouched.
publish: $(STAMP) catalogs system-packages
	@test -n "$$SITEURL" || { echo "Set SITEURL, e.g. SITEURL=https://news.example.org make publish"; exit 1; }
	rm -rf output.next
	$(PELICAN) -s publishconf.py -o output.next
	$(BIN)/python tools/check_site.py output.next --siteurl "$$SITEURL" --html \
		--manifest published-urls.txt
	rm -rf output.previous
	if [ -d output ]; then mv output output.previous; fi
	mv output.next output
	rm -rf output.previous

# Record the URLs this build publishes; removing one is a deliberate edit.
urls: build
	cd tools && ../$(BIN)/python url_manifest.py ../output ../published-urls.txt

serve: preview
	$(BIN)/python tools/serve.py --host $(HOST) --port $(PORT)

# Debian packages the checks need: Chromium and CJK fonts for the browser
# tests, Java for the Nu HTML checker. Installed (as root) when missing.
SYSTEM_PACKAGES := chromium fonts-noto-cjk default-jre-headless
system-packages:
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null \
		|| ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
		else \
			echo "Install Debian's packages: sudo apt-get install $(SYSTEM_PACKAGES)"; \
			exit 1; \
		fi; \
	fi

test: $(STAMP) catalogs system-packages
	$(BIN)/python -m pytest

clean:
	rm -rf output output.next output.previous test-artifacts cache
