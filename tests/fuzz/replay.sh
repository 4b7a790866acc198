#!/usr/bin/env bash
# One fuzz target run once over every file of the given folders, as a
# regression test: a crash, a sanitizer report or a leak fails it.
#   replay.sh FUZZER DIR...    (a DIR that does not exist is skipped)
set -euo pipefail
fuzzer=$1
shift
inputs=()
for dir in "$@"; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' file; do
    inputs+=("$file")
  done < <(find "$dir" -type f ! -name 'README*' ! -name '.*' -print0 | sort -z)
done
if [ ${#inputs[@]} -eq 0 ]; then
  echo "no inputs in: $*" >&2
  exit 1
fi
# Files given one by one are each run once, nothing mutated. libFuzzer's
# own exit code for a crash, 77, is meson's "skipped": 1 instead.
options=(-timeout=60 -rss_limit_mb=4096 -error_exitcode=1 -timeout_exitcode=1)
status=0
"$fuzzer" "${options[@]}" "${inputs[@]}" || status=$?
[ $status -eq 77 ] && status=1
if [ $status -ne 0 ]; then
  # Allocations are traced through frame pointers, which GLib and GDAL do
  # not keep: again with the slow unwinder, for a leak's whole stack.
  echo "replay.sh: failed ($status); again with ASAN_OPTIONS=fast_unwind_on_malloc=0" >&2
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:fast_unwind_on_malloc=0" \
    "$fuzzer" "${options[@]}" "${inputs[@]}" || true
fi
exit $status
