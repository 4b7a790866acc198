#!/usr/bin/env bash
# The fuzz targets (tests/fuzz, HACKING.md "Fuzzing"), built with clang,
# libFuzzer and the address and undefined-behaviour sanitizers in build-fuzz/.
#   bash build-aux/fuzz.sh replay         every target once over its seed corpus and
#                                         regressions (the `fuzz` test suite)
#   bash build-aux/fuzz.sh run [SECONDS]  a campaign (default 600 s) shared among the targets:
#                                         new inputs in build-fuzz/fuzz-corpus/TARGET, crashes in
#                                         tests/fuzz/crashes/TARGET, logs in build-fuzz/fuzz-logs/DATE,
#                                         one JSON line of figures at the end
# FUZZ_TARGETS="project mbtiles" runs only those; FUZZ_JOBS=1 compiles on one core.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-fuzz
fuzz_dir=tests/fuzz

setup() {
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" --werror -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
      -Dgui=disabled -Dtests=false
  fi
  meson compile -C "$build" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"}
}

targets() {
  if [ -n "${FUZZ_TARGETS:-}" ]; then
    printf '%s\n' $FUZZ_TARGETS
  else
    # The list in tests/fuzz/meson.build, in its order.
    sed -n "/^fuzz_targets = \[/,/^\]/s/^ *'\([a-z0-9-]*\)',\$/\1/p" "$fuzz_dir/meson.build"
  fi
}

# The sanitizers' settings of the `fuzz` tests (tests/fuzz/meson.build).
sanitizer_env() {
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$PWD/$fuzz_dir/lsan.supp:print_suppressions=0"
  export GREENREACH_DATADIR="$PWD/resources"
}

replay() {
  setup
  meson test -C "$build" --suite fuzz --print-errorlogs
}

# The figure libFuzzer prints at the end (-print_final_stats=1), 0 if none.
final_stat() {
  local value
  value=$(sed -n "s/^stat::$1: *\([0-9]*\)\$/\1/p" "$2" | tail -1)
  echo "${value:-0}"
}

run() {
  local seconds=${1:-600}
  local scratch=$build/fuzz-corpus logs=$build/fuzz-logs/$(date +%Y%m%dT%H%M%S)
  local list=() t
  while IFS= read -r t; do list+=("$t"); done < <(targets)
  local share=$((seconds / ${#list[@]}))
  local json="" all_crashes=()
  setup
  sanitizer_env
  mkdir -p "$logs"
  for t in "${list[@]}"; do
    local corpus=$scratch/$t crashes=$fuzz_dir/crashes/$t dirs
    local before_corpus before_crashes executions=0 deadline left n=0
    mkdir -p "$corpus" "$crashes"
    before_corpus=$(find "$corpus" -type f | wc -l)
    before_crashes=$(find "$crashes" -type f | sort)
    deadline=$(($(date +%s) + share))
    # New inputs go to the first folder; the seeds and the regressions start it.
    dirs=("$corpus" "$fuzz_dir/corpus/$t")
    [ -d "$fuzz_dir/regressions/$t" ] && dirs+=("$fuzz_dir/regressions/$t")
    # libFuzzer stops at the first crash: the target is started again, from
    # the corpus so far, until its share of the time is used up.
    while left=$((deadline - $(date +%s))) && [ "$left" -gt 5 ]; do
      n=$((n + 1))
      local log=$logs/$t-$n.log
      echo "fuzz: $t for ${left}s (run $n, log $log)"
      nice -n 10 "$build/$fuzz_dir/fuzz-$t" -max_total_time="$left" -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$crashes/" \
        "${dirs[@]}" >"$log" 2>&1 || true
      executions=$((executions + $(final_stat number_of_executed_units "$log")))
      grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -4 || true
      # A crash before fuzzing began is in the corpus itself: again would be the same.
      if ! grep -q '^#[0-9]*.*INITED' "$log"; then
        echo "fuzz: $t stopped before it began fuzzing; see $log"
        break
      fi
    done
    local new_corpus new_crashes=()
    new_corpus=$(($(find "$corpus" -type f | wc -l) - before_corpus))
    while IFS= read -r f; do
      [ -n "$f" ] && new_crashes+=("$f")
    done < <(comm -13 <(printf '%s\n' "$before_crashes") <(find "$crashes" -type f | sort))
    all_crashes+=("${new_crashes[@]}")
    json+="${json:+, }\"$t\": {\"executions\": $executions, \"new_corpus\": $new_corpus, \"crashes\": ${#new_crashes[@]}}"
  done
  if [ ${#all_crashes[@]} -gt 0 ]; then
    echo "Crashes (reproduce with $build/$fuzz_dir/fuzz-TARGET FILE):"
    printf '  %s\n' "${all_crashes[@]}"
  else
    echo "No crashes."
  fi
  echo "{\"seconds\": $seconds, \"targets\": {$json}}"
  [ ${#all_crashes[@]} -eq 0 ]
}

case "${1:-}" in
  replay)
    replay
    ;;
  run)
    run "${2:-600}"
    ;;
  *)
    echo "usage: bash build-aux/fuzz.sh replay | run [SECONDS]" >&2
    exit 2
    ;;
esac
