#!/bin/sh
# prepare-import.sh CLI EXTRACT OUTPUT — imports an OpenStreetMap extract
# into a project file at build time (app/project/io/gr-prepared-import.c).
# The import's notes are shown only when it fails.
set -eu
cli=$1 extract=$2 output=$3
rm -f "$output" "$output.log"
if ! "$cli" import "$extract" -o "$output" 2>"$output.log"; then
  cat "$output.log" >&2
  rm -f "$output" "$output.log"
  exit 1
fi
rm -f "$output.log" "$output-wal" "$output-shm"
