# factlint — the one entry point. `make run` and `make test` install what is missing first.
#
#   make build   native CLI (build/native/factlint), wasm module + page (dist/web/),
#                the offline file (dist/factlint.html) and the extension (dist/extension/)
#   make run     build, check the bundled example with the bundled KB, serve dist/web on :8000
#   make test    build, then every suite through ctest (unit, golden, node, browser, python), with
#                unit and golden again under clang ASan + UBSan and a short fuzz pass (the fuzz build)
#   make bench   benchmarks (release builds), table + bench/results/latest.json
#   make eval    evaluation against ../shared/data (segmentation, KB cross-check, false alarms)
#   make fuzz    libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make kb      regenerate the generated parts of kb/src from ../shared/data (skipped when
#                absent; FACTLINT_SHARED overrides), rebuild kb/world.json and validate it
#   make python  the Python module (build/native/site/factlint, Debian's /usr/bin/python3; `make native`
#                builds it too)
#   make batch IN=archive.jsonl OUT=reports/ WORKERS=2   check an archive on Dask (docs/BATCH.md)

SHELL := /bin/bash
PORT ?= 8000
FUZZ_SECONDS ?= 60
WORKERS ?= 2
export NODE_PATH := /usr/share/nodejs

.PHONY: all setup build native wasm web python batch run test test-sanitizers test-asan-gcc bench eval fuzz fuzz-build fuzz-smoke kb clean

all: build

setup:
	@scripts/setup

native: setup
	@cmake --preset native >/dev/null
	@cmake --build --preset native

wasm: setup
	@cmake --preset wasm >/dev/null
	@cmake --build --preset wasm

web: wasm
	@node web/tools/assemble.mjs
	@node web/tools/assemble-extension.mjs

build: native web

python: setup
	@cmake --preset native >/dev/null
	@cmake --build --preset native --target _factlint

batch: python
	@if [[ -z "$(IN)" || -z "$(OUT)" ]]; then echo "usage: make batch IN=archive.jsonl|folder|'glob' OUT=folder [WORKERS=2]" >&2; exit 2; fi
	@PYTHONPATH=$(CURDIR)/build/native/site /usr/bin/python3 -m factlint.batch "$(IN)" "$(OUT)" --workers $(WORKERS) $(BATCH_ARGS)

run: build
	@echo "== factlint check examples/example-article.txt (bundled KB)"
	@build/native/factlint check examples/example-article.txt; status=$$?; \
	  if [[ $$status -gt 1 ]]; then exit $$status; fi
	@echo
	@echo "Offline single file: $(CURDIR)/dist/factlint.html"
	@echo "Serving dist/web on http://127.0.0.1:$(PORT)/  (Ctrl+C to stop)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist/web

# The sanitizer and fuzz passes run first, so the run ends with the native ctest summary (which
# includes the Python suites: the native build makes the module from the same objects).
test: build test-sanitizers fuzz-smoke
	@cd build/native && ctest --output-on-failure -j2

# unit and golden under clang-14 ASan + UBSan, in the fuzz build (one sanitizer build serves both).
test-sanitizers: fuzz-build
	@cd build/fuzz && ctest --output-on-failure -j2 -R '^(unit|golden)'

# The same suites under GCC's ASan + UBSan (not part of `make test`: a second sanitizer build).
test-asan-gcc: setup
	@cmake --preset native-asan >/dev/null
	@cmake --build --preset native-asan
	@cd build/native-asan && ctest --output-on-failure -R '^(unit|golden)'

bench: setup
	@scripts/bench

eval: native
	@scripts/eval

fuzz-build: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz

fuzz: fuzz-build
	@scripts/fuzz $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	@scripts/fuzz $${FUZZ_SMOKE_SECONDS:-15}

kb:
	@for g in gen_us gen_gb gen_congress gen_state gen_cabinet; do python3 scripts/kb/$$g.py || exit 1; done
	@python3 scripts/kb/build.py

clean:
	rm -rf build dist
