#!/bin/sh
# prepare-import.sh CLI EXTRACT OUTPUT LANGUAGE — imports an OpenStreetMap
# extract into a project file at build time, as the window would import it
# with LANGUAGE (empty: English; zh_CN: the features' Chinese names first),
# whatever the locale of the build (app/project/io/gr-prepared-import.c).
# One file without a write-ahead log; the import's notes are shown only
# when it fails.
set -eu
cli=$1 extract=$2 output=$3 language=$4
rm -f "$output" "$output.log"
if ! LC_ALL=C.UTF-8 LANGUAGE=$language OGR_SQLITE_JOURNAL=DELETE \
    "$cli" import "$extract" -o "$output" 2>"$output.log"; then
  cat "$output.log" >&2
  rm -f "$output" "$output.log"
  exit 1
fi
rm -f "$output.log" "$output-wal" "$output-shm"
