#!/usr/bin/env bash
# test-package.sh — build the Debian package from the source tree, check it
# with lintian, and run what it installs: the CLI on the sample city and the
# window under Xvfb until its first frame shows the sample's blind spots.
#
# As root the package is installed with dpkg and removed again at the end,
# so the installed programs are run exactly as a user would run them, with
# nothing in their environment pointing at the build. Otherwise it is
# unpacked with `dpkg -x` into a temporary folder and the programs are told
# where their data is (GREENREACH_DATADIR, GREENREACH_LOCALEDIR,
# GSETTINGS_SCHEMA_DIR).
#
# Usage: test-package.sh SOURCE_ROOT
set -euo pipefail

src=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/greenreach-package.XXXXXX")
installed_here=no
cleanup() {
  if [ "$installed_here" = yes ]; then
    dpkg --purge greenreach >/dev/null 2>&1 || true
  fi
  pkill -f "$work/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

step() {
  printf '== %s (%s s)\n' "$1" "$SECONDS"
}

# 1. A copy of the sources (tracked files and new ones, never build trees),
#    as a release tarball would hold them.
step "copy the sources"
mkdir "$work/greenreach"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$src" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$src" && tar --null --no-recursion -T - -cf -) | tar -C "$work/greenreach" -xf -
else
  tar -C "$src" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$work/greenreach" -xf -
fi
[ -f "$work/greenreach/debian/control" ] || fail "no debian/control in $src"

# 2. dpkg-buildpackage, as a distribution builds it.
step "dpkg-buildpackage -b -us -uc"
if ! (cd "$work/greenreach" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" \
        dpkg-buildpackage -b -us -uc) >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  fail "dpkg-buildpackage failed (log above)"
fi
deb=$(ls "$work"/greenreach_*_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "dpkg-buildpackage made no greenreach_*.deb"
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# 3. lintian: no errors (warnings and notes are printed).
step "lintian"
lintian --fail-on error --info "$deb" || fail "lintian reports errors in $(basename "$deb")"

# 4. What the package holds.
step "contents"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/greenreach /usr/bin/greenreach-cli \
    /usr/share/applications/cn.greenreach.Greenreach.desktop \
    /usr/share/metainfo/cn.greenreach.Greenreach.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/cn.greenreach.Greenreach.svg \
    /usr/share/icons/hicolor/symbolic/apps/cn.greenreach.Greenreach-symbolic.svg \
    /usr/share/glib-2.0/schemas/cn.greenreach.Greenreach.gschema.xml \
    /usr/share/locale/zh_CN/LC_MESSAGES/greenreach.mo \
    /usr/share/greenreach/rules/service-radius.csv \
    /usr/share/greenreach/landuse/gb-50137-2011.csv \
    /usr/share/greenreach/sample/andorra.osm.pbf \
    /usr/share/greenreach/sample/basemap.mbtiles \
    /usr/share/man/man1/greenreach.1.gz /usr/share/man/man1/greenreach-cli.1.gz; do
  grep -qx "$path" "$work/contents" || fail "$(basename "$deb") has no $path"
done
# The sample imported by the build, named by the extract's size and SHA-256
# (app/project/io/gr-prepared-import.c): the window opens it at once.
sample="$src/resources/sample/andorra.osm.pbf"
prepared="/usr/share/greenreach/prepared/$(stat -c %s "$sample")-$(sha256sum "$sample" | cut -d' ' -f1).gpkg"
grep -qx "$prepared" "$work/contents" || fail "$(basename "$deb") has no $prepared"
if grep -E '^/usr/(lib|include)/.*\.(a|h|pc)$' "$work/contents"; then
  fail "$(basename "$deb") installs development files"
fi

mkdir "$work/root"
dpkg -x "$deb" "$work/root"
# The binaries know the install prefix and nothing of the build.
for program in greenreach greenreach-cli; do
  binary="$work/root/usr/bin/$program"
  grep -qa "/usr/share/greenreach" "$binary" || fail "$program does not look in /usr/share/greenreach"
  if grep -qa -e "$work/greenreach" -e "$src" "$binary"; then
    fail "$program holds a build or source path"
  fi
done

# 5. Run it: installed (root) or unpacked.
run_env=(env -i "PATH=/usr/bin:/bin" "HOME=$work/home" "XDG_RUNTIME_DIR=$work/run"
  "GSETTINGS_BACKEND=memory" "GTK_A11Y=none" "GSK_RENDERER=cairo" "NO_AT_BRIDGE=1")
mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"
if [ "$(id -u)" -eq 0 ] && ! dpkg-query -W -f='${Status}' greenreach 2>/dev/null | grep -q 'install ok installed'; then
  step "dpkg -i"
  # Purged at the end even if dpkg -i stops half way (unpacked, not configured).
  installed_here=yes
  dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dpkg -i $(basename "$deb") failed"; }
  bin=/usr/bin
  data=/usr/share/greenreach
else
  step "dpkg -x (not root, or a greenreach package is already installed)"
  bin="$work/root/usr/bin"
  data="$work/root/usr/share/greenreach"
  run_env+=("GREENREACH_DATADIR=$data" "GREENREACH_LOCALEDIR=$work/root/usr/share/locale"
    "GSETTINGS_SCHEMA_DIR=$data/schemas" "PATH=$bin:/usr/bin:/bin")
fi

step "greenreach-cli on the sample city"
"${run_env[@]}" LANG=C.UTF-8 "$bin/greenreach-cli" --version | grep -qx "greenreach-cli [0-9.]*" ||
  fail "greenreach-cli --version"
"${run_env[@]}" LANG=C.UTF-8 "$bin/greenreach-cli" analyze "$data/sample/andorra.osm.pbf" \
  --json >"$work/analyze.json" 2>"$work/analyze.err" || { cat "$work/analyze.err"; fail "installed greenreach-cli analyze failed"; }
# The same figures as the build tree's own CLI, to the last digit.
if [ -n "${GREENREACH_CLI:-}" ]; then
  "$GREENREACH_CLI" analyze "$src/resources/sample/andorra.osm.pbf" --json >"$work/analyze-build.json" ||
    fail "the build tree's greenreach-cli analyze failed"
  diff "$work/analyze-build.json" "$work/analyze.json" ||
    fail "the installed CLI's analysis of the sample differs from the build tree's"
fi
grep -q '"service_radius_rate"' "$work/analyze.json" || fail "no service_radius_rate in the installed CLI's analysis"
# The translations installed with it.
"${run_env[@]}" LANG=zh_CN.UTF-8 LANGUAGE=zh_CN "$bin/greenreach-cli" analyze \
  "$data/sample/andorra.osm.pbf" >"$work/analyze-zh.txt" 2>&1 || fail "installed greenreach-cli analyze in zh_CN failed"
grep -q "公园" "$work/analyze-zh.txt" || { head "$work/analyze-zh.txt"; fail "the installed CLI did not speak Chinese"; }

step "greenreach under Xvfb"
shot="${GREENREACH_ARTIFACTS:-$work}/installed-window.png"
mkdir -p "$(dirname "$shot")"
"${run_env[@]}" LANG=C.UTF-8 xvfb-run -a -s "-screen 0 1280x800x24" \
  bash "$(dirname "$0")/first-frame.sh" "$bin/greenreach" "$shot" "$work/window.log" ||
  { cat "$work/window.log"; fail "the installed window showed no map of the sample city"; }
if grep -E 'CRITICAL|Gtk-WARNING|GLib-GIO-ERROR|No schema|Settings schema|prepared import' "$work/window.log"; then
  fail "the installed window complained (above)"
fi
step "done"
