# The two set-up commands: `make demo` and `make test`. Each installs what is missing first.
PREFIX ?= /usr/local
BUILD  := build/default
TESTGEN := $(BUILD)/testgen

.PHONY: deps configure build bench-build test test-asan fuzz demo bench bench-abi bench-scenario bench-bash bench-bash-quality bench-pbt bench-quest-loop bench-shard install clean

deps:
	@scripts/deps.sh

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake --preset default >/dev/null

build: configure
	@cmake --build --preset default

# The benchmark programs (not part of `build`: make test does not need them).
bench-build: build
	@cmake --build --preset default --target benchmarks

# Every unit and end-to-end test, then a few seconds of each fuzz target
# (clang 16, ASan + UBSan) over its kept regression inputs.
test: build
	@ctest --preset default
	@scripts/fuzz.sh $${FUZZ_SECONDS:-3}

# The fuzz targets of our own readers for a while each (FUZZ_SECONDS, 300 by default).
fuzz: deps
	@scripts/fuzz.sh $${FUZZ_SECONDS:-300}

# Sanitizer build (ASan + UBSan) of every test.
test-asan: deps
	@[ -f build/asan/build.ninja ] || cmake --preset asan >/dev/null
	@cmake --build --preset asan
	@ctest --preset asan

demo: build
	@scripts/demo.sh $(TESTGEN)

bench: bench-build
	@scripts/bench.sh $(BUILD)

# generate + gcc -O2 + run: checks per CPU-second, before and after the check
# tables, and against the original quest if QUEST=path/to/quest is given.
bench-quest-loop: bench-build
	@python3 bench/quest_loop.py $(TESTGEN) $${QUEST:+--quest $$QUEST} --seeds $${SEEDS:-20}

# The abi hunt against the quest loop (real compilers; about 10 minutes).
bench-abi: bench-build
	@python3 bench/abi_hunt_bench.py $(TESTGEN) $${TRIALS:-10} $${SECONDS_PER_TRIAL:-24}

# N hunt shards of S seconds, merged, against one hunt of N x S seconds; merge speed.
bench-shard: bench-build
	@python3 bench/shard_bench.py $(TESTGEN) $${SHARDS:-4} $${SECONDS_PER_SHARD:-120}

bench-scenario: bench-build
	@python3 bench/scenario_bench.py $(BUILD) $${TRIALS:-10} $${RUNS:-3000}

# The bash front: translation speed and inputs checked per second (about a minute).
bench-bash: bench-build
	@python3 bench/bash_front_bench.py $(TESTGEN) $${REPEATS:-5}

# BASH_DOC=1 adds every script of Debian's bash-doc examples (about an hour).
bench-bash-quality: bench-build
	@python3 bench/bash_quality_bench.py $(TESTGEN) $${BASH_DOC:+--bash-doc}

# ETNA-style property-testing benchmark against RapidCheck (FULL=1: ETNA's protocol).
bench-pbt: bench-build
	@python3 bench/pbt/etna.py $(BUILD) $${FULL:+--full}

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	@rm -rf build
