#!/usr/bin/env bash
# pg-server.sh PROGRAM [ARGUMENT…] — run PROGRAM against a PostgreSQL +
# PostGIS server of its own: initdb into a temporary folder (as an
# unprivileged user: `postgres` when run as root), listening on 127.0.0.1 on
# a free port with password (SCRAM) authentication, a database with the
# postgis extension; stopped and removed when PROGRAM ends, fails, or this
# script is killed.
#
# PROGRAM finds the server in GREENREACH_PG_HOST, _PORT, _USER, _PASSWORD
# and _DBNAME, and a password file for it in GREENREACH_PG_PASSFILE (it is
# not exported as PGPASSFILE: a test chooses how the password is given).
set -euo pipefail

# The newest server installed (15 on Debian 12).
bindir=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && bindir=$dir
done
# The caller's own libpq settings would override the test's.
unset PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE \
  PGSSLMODE PGOPTIONS
if [ -z "$bindir" ]; then
  echo "pg-server.sh: no PostgreSQL server (initdb, pg_ctl) in /usr/lib/postgresql; install postgresql-15 and postgresql-15-postgis-3 (bash build-aux/dev.sh test does)" >&2
  exit 1
fi

base=""
as_server=()
stop() {
  [ -n "$base" ] || return 0
  if [ -f "$base/data/postmaster.pid" ]; then
    "${as_server[@]}" "$bindir/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  # Not while a server still runs on it.
  if [ ! -f "$base/data/postmaster.pid" ]; then
    rm -rf "$base"
  fi
}
trap stop EXIT

# Short: the server's socket path must stay under 108 bytes.
base=$(mktemp -d /tmp/greenreach-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  server_user=postgres
  id "$server_user" >/dev/null 2>&1 || server_user=nobody
  chown "$server_user" "$base"
  as_server=(runuser -u "$server_user" --)
fi
trap 'exit 143' TERM
trap 'exit 130' INT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=greenreach_test
password="test-secret-$RANDOM$RANDOM"
dbname=greenreach_test

printf '%s\n' "$password" >"$base/pwfile"
chmod 644 "$base/pwfile"
"${as_server[@]}" "$bindir/initdb" -D "$base/data" -U "$user" --pwfile="$base/pwfile" \
  --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 ||
  { cat "$base/initdb.log" >&2; exit 1; }
rm -f "$base/pwfile"
"${as_server[@]}" "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
  -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$base/server.log" >&2; exit 1; }

passfile="$base/pgpass"
printf '127.0.0.1:%s:*:%s:%s\n' "$port" "$user" "$password" >"$passfile"
chmod 600 "$passfile"
PGPASSFILE="$passfile" psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d postgres \
  -c "CREATE DATABASE $dbname" >/dev/null
PGPASSFILE="$passfile" psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$dbname" \
  -c "CREATE EXTENSION postgis" >/dev/null

export GREENREACH_PG_HOST=127.0.0.1 GREENREACH_PG_PORT=$port GREENREACH_PG_USER=$user \
  GREENREACH_PG_PASSWORD=$password GREENREACH_PG_DBNAME=$dbname GREENREACH_PG_PASSFILE=$passfile
echo "# PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') with PostGIS on 127.0.0.1:$port ($base)"
status=0
"$@" || status=$?
exit $status
