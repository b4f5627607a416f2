#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 server for tests, on loopback only.
#
#   scripts/pg-test-server.sh start [DIR]   initdb in DIR (default: a new temporary folder), start the server
#                                           on a free port, create database "parkgis" with PostGIS, and print
#                                           the environment to use it (eval "$(scripts/pg-test-server.sh start)")
#   scripts/pg-test-server.sh stop DIR      stop the server and remove DIR
#   scripts/pg-test-server.sh status DIR    exit 0 when the server answers
#
# The server runs as the `postgres` system user (initdb refuses root), listens on 127.0.0.1 and on a Unix
# socket inside DIR, trusts local connections (it holds test data only) and has fsync off. The printed
# PARKGIS_TEST_PG is a libpq URI; PGHOST/PGPORT/PGUSER point psql at it (also written to DIR/env).
#
# For the tests of bad input it also holds: role parkgis_pw (password "parkgis-test-pw", the only role that
# must give a password: scram-sha-256), role parkgis_user (no superuser, no rights of its own), schema
# "theirs" in database parkgis owned by postgres, and database "nopostgis" without the PostGIS extension.
# A DIR left by an earlier run is stopped and cleared first.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
cmd="${1:-}"
dir="${2:-}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else
    # Not root: run the server as ourselves (initdb only refuses root).
    "$@"
  fi
}

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

case "$cmd" in
  start)
    if [ ! -x "$PG_BIN/initdb" ]; then
      echo "pg-test-server: PostgreSQL 15 is not installed (run scripts/setup.sh)" >&2
      exit 2
    fi
    if [ -z "$dir" ]; then dir="$(mktemp -d /tmp/parkgis-pg.XXXXXX)"; fi
    if [ -d "$dir/data" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    port="$(free_port)"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { echo "pg-test-server: initdb failed, see $dir/initdb.log" >&2; exit 1; }
    printf '%s\n' "local all all trust" "host all parkgis_pw 127.0.0.1/32 scram-sha-256" \
      "host all all 127.0.0.1/32 trust" >"$dir/data/pg_hba.conf"
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" start >/dev/null ||
      { echo "pg-test-server: the server did not start, see $dir/server.log" >&2; exit 1; }
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
      -c "CREATE DATABASE parkgis" >/dev/null
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d parkgis \
      -c "CREATE EXTENSION postgis" >/dev/null
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d parkgis -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE parkgis_pw LOGIN SUPERUSER PASSWORD 'parkgis-test-pw'" -c "CREATE ROLE parkgis_user LOGIN" \
      -c "CREATE SCHEMA theirs" -c "CREATE DATABASE nopostgis" >/dev/null
    echo "$port" >"$dir/port"
    {
      echo "export PARKGIS_TEST_PG_DIR=$dir"
      echo "export PARKGIS_TEST_PG=postgresql://postgres@127.0.0.1:$port/parkgis"
      echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres"
    } | tee "$dir/env"
    ;;
  stop)
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    if [ -d "$dir/data" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  status)
    [ -n "$dir" ] && [ -f "$dir/port" ] || exit 1
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")"
    ;;
  *)
    echo "usage: $0 start [DIR] | stop DIR | status DIR" >&2
    exit 2
    ;;
esac
