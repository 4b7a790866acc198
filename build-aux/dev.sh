#!/usr/bin/env bash
# Set up a Debian 12 machine, build, and run the sample or the tests.
#   bash build-aux/dev.sh run    build and open the map window on the bundled sample city
#   bash build-aux/dev.sh test   build and run every test
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential meson ninja-build pkg-config libglib2.0-dev libgtk-4-dev
  libshumate-dev libadwaita-1-dev libgdal-dev libsqlite3-dev libcairo2-dev libpng-dev libpango1.0-dev libjson-glib-dev
  libglpk-dev
  gettext gdal-bin poppler-utils xvfb xauth xdotool desktop-file-utils appstream-util locales
  fonts-wqy-microhei valgrind python3 clang-format clang libclang-rt-14-dev imagemagick
  debhelper dpkg-dev fakeroot lintian
  libpq-dev postgresql-15 postgresql-15-postgis-3 postgresql-client-15)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The Chinese interface needs the zh_CN.UTF-8 locale to exist.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    as_root localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
  fi
}

build() {
  # The project's own builds treat a warning as an error; distributors'
  # builds do not.
  if [ ! -f build/build.ninja ]; then
    meson setup build --werror
  fi
  meson compile -C build
}

case "${1:-}" in
  run)
    install_missing
    build
    # `meson devenv` points the programs at the build tree's translations
    # and schema and the source tree's resources.
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "No display: the window needs one. The same analysis on the command line:" >&2
      exec meson devenv -C build -w "$PWD" build/app/cli/greenreach-cli analyze resources/sample/andorra.osm.pbf
    fi
    exec meson devenv -C build -w "$PWD" build/app/gui/greenreach
    ;;
  test)
    install_missing
    build
    status=0
    meson test -C build --print-errorlogs || status=$?
    # The analysis and project suites must also be clean under valgrind.
    meson test -C build --setup valgrind --suite analysis --suite project \
      --print-errorlogs --logbase valgrind || status=$?
    exit $status
    ;;
  *)
    echo "usage: bash build-aux/dev.sh run|test" >&2
    exit 2
    ;;
esac
