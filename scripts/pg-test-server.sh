#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the test suite, installing the server
# from Debian's packages when the machine has none. Prints the SQLAlchemy URL to use.
#   usage: scripts/pg-test-server.sh start DIR PORT | stop DIR
set -euo pipefail

action=${1:?start or stop}
dir=${2:?data directory}

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/sh -c "$*"); else sh -c "$*"; fi
}

case "$action" in
start)
    port=${3:-55432}
    if [ -z "$(pg_bin)" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
    fi
    bin=$(pg_bin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    chmod 700 "$dir"
    as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 >/dev/null"
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w \
        -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" start >/dev/null"
    as_postgres "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres oversight_test"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/oversight_test"
    ;;
stop)
    bin=$(pg_bin)
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" || true
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
