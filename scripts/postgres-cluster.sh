#!/usr/bin/env bash
# A throw-away PostgreSQL cluster in a folder, for the PostgreSQL store's tests (issue 14).
#
#   scripts/postgres-cluster.sh start DIR   initdb + pg_ctl start in DIR; prints the database URL
#   scripts/postgres-cluster.sh stop DIR    stops the cluster (the folder stays; delete it after)
#   scripts/postgres-cluster.sh resume DIR  starts a stopped cluster again (a server outage, in tests)
#
# The server listens on a Unix socket in DIR only (no TCP port to collide with another cluster or
# test run) and trusts local connections: it holds test data and lives as long as the test run.
# It runs with fsync off, unless PG_FSYNC=on (benchmarks: the durability a real server has).
# The URL names the socket folder as its host: postgresql://newsdrop@/newsdrop?host=DIR.
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user of Debian's
# package (DIR is given to it).
set -euo pipefail
command=${1:-}
dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|resume DIR" >&2; exit 64; }
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/pg_ctl" ] || { echo "postgres-cluster: no PostgreSQL server (apt-get install postgresql-15)" >&2; exit 69; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    mkdir -p "$dir"
    dir=$(realpath "$dir")
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U newsdrop --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { echo "postgres-cluster: initdb failed: $(tail -3 "$dir/initdb.log")" >&2; exit 1; }
    "$0" resume "$dir"
    as_owner "$bin/createdb" -h "$dir" -U newsdrop newsdrop
    echo "postgresql://newsdrop@/newsdrop?host=$dir"
    ;;
resume)
    dir=$(realpath "$dir")
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=${PG_FSYNC:-off}" start >/dev/null ||
        { echo "postgres-cluster: the server did not start: $(tail -3 "$dir/server.log")" >&2; exit 1; }
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$(realpath "$dir")/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop|resume DIR" >&2
    exit 64
    ;;
esac
