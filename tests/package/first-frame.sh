#!/usr/bin/env bash
# first-frame.sh PROGRAM SHOT.png LOG — inside an X server: start the window
# with no arguments (the sample city), wait until a screenshot of the screen
# shows the sample's blind spots over a drawn base map, and print how long
# that took. Fails after 90 s.
set -uo pipefail
program=$1 shot=$2 log=$3

start=$(date +%s%N)
"$program" >"$log" 2>&1 &
pid=$!
status=1
for _ in $(seq 1 180); do
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || { echo "the window exited" >>"$log"; break; }
  import -window root "$shot" 2>/dev/null || continue
  # Blind-spot orange ("no park within 500 m") and many colours (the map).
  if convert "$shot" -depth 8 rgb:- | python3 -c '
import sys
data = sys.stdin.buffer.read()
orange = 0
colours = set()
for i in range(0, len(data), 3 * 7):
    r, g, b = data[i], data[i + 1], data[i + 2]
    colours.add((r >> 3, g >> 3, b >> 3))
    if r > 200 and 130 < g < 190 and b < 90:
        orange += 1
sys.exit(0 if orange > 100 and len(colours) > 150 else 1)
'; then
    status=0
    break
  fi
done
elapsed=$((($(date +%s%N) - start) / 1000000))
if [ $status -eq 0 ]; then
  echo "first frame with the sample's blind spots after ${elapsed} ms (polled every 0.5 s)"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit $status
