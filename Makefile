# Rogue Merchant Watch: the two commands are `make serve` and `make test`.
# Every target bootstraps what it needs (.venv, pinned packages, catalogs).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REQUIREMENTS_ID := $(shell sha1sum requirements.txt | cut -c1-12)
STAMP := $(VENV)/.installed-$(REQUIREMENTS_ID)
# The preview listens where the command line says, never where an exported
# HOST or BIND in the environment says: `make serve BIND=0.0.0.0 PORT=8123`.
BIND_ADDRESS := $(if $(filter command line,$(origin BIND)),$(BIND),127.0.0.1)
PORT_NUMBER := $(if $(filter command line,$(origin PORT)),$(PORT),8000)
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)
# Every build: a warning or a mistake fails it, named by file and line, and the
# previous output stays until a build succeeds (tools/site_build.py).
BUILD := $(BIN)/python tools/site_build.py

.PHONY: help venv build publish serve test check catalogs translations clean \
	post translate translation-status translation-done urls system-packages

help:
	@echo "make serve         build, serve on http://$(BIND_ADDRESS):$(PORT_NUMBER), rebuild on save"
	@echo "make test          run every test (installs what it needs)"
	@echo "make build         development build into output/, from scratch"
	@echo "make publish       production build (SITEURL from the environment)"
	@echo "make check         check every post and page, and name each mistake"
	@echo "make post TITLE='...' CATEGORY=key [LANGUAGE=ja SLUG=...]   start a post"
	@echo "make translate POST=content/en/SLUG.md                    start its translation"
	@echo "make translation-status                                   missing and stale translations"
	@echo "make translation-done POST=content/ja/SLUG.md             record a caught-up translation"
	@echo "make urls          add newly published URLs to published-urls.txt"
	@echo "make translations  re-extract theme strings and update the .po files"

# requirements.txt locks every package, dependencies included, with its files'
# hashes (compiled from requirements.in): pip refuses any file it does not list.
venv: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

catalogs: $(MO)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@

translations: $(STAMP)
	$(BIN)/pybabel extract -F translations/babel.cfg --no-location --sort-output -k N_ \
		--project="Rogue Merchant Watch" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

NEWSROOM := $(BIN)/python tools/newsroom.py

# Editors' text reaches the commands exactly as typed: taken unexpanded by make
# and passed in the environment (RAW_TITLE...), never through the shell, so
# `make post TITLE='Fined $$500,000 "Premium"'` keeps every character.
EDITOR_TEXT := TITLE POST SLUG CATEGORY LANGUAGE TO
$(foreach name,$(EDITOR_TEXT),$(eval export RAW_$(name) := $$(value $(name))))
unexport $(EDITOR_TEXT)

post: $(STAMP)
	@$(NEWSROOM) new

translate: $(STAMP)
	@$(NEWSROOM) translate

translation-status: $(STAMP)
	@$(NEWSROOM) status

translation-done: $(STAMP)
	@$(NEWSROOM) record

check: $(STAMP)
	cd plugins && ../$(BIN)/python -m content_check ../pelicanconf.py

build: $(STAMP) catalogs
	@$(BUILD)

# Built into a fresh folder, checked (links, feeds, HTML, published URLs) and
# swapped in only then, so a failed publish leaves the previous output untouched.
publish: $(STAMP) catalogs system-packages
	@test -n "$$SITEURL" || { echo "Set SITEURL, e.g. SITEURL=https://news.example.org make publish"; exit 1; }
	@$(BUILD) --settings publishconf.py --publish-checks

# Record the URLs this build publishes; removing one is a deliberate edit.
urls: build
	cd tools && ../$(BIN)/python url_manifest.py ../output ../published-urls.txt

# One long-lived process: builds, serves, and on every save rebuilds what changed.
serve: $(STAMP) catalogs
	@$(BIN)/python tools/serve.py --bind $(BIND_ADDRESS) --port $(PORT_NUMBER)

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

# Two workers, one per core: each builds the shared sites once, then takes
# tests as it frees up (the browser tests wait on Chromium, the rest on Pelican).
test: $(STAMP) catalogs system-packages
	$(BIN)/python -m pytest -n 2 --dist worksteal

clean:
	rm -rf output output.next output.previous .preview test-artifacts cache
