#!/usr/bin/env bash
# The journald-restart fault, run by DaemonTests/FaultEndToEndTests in a private mount namespace
# (`unshare --mount`), so that stopping journald here does not disturb the other tests: a private
# journald on a private /run/systemd/journal, the real daemon, the real journalctl.
# Usage: journald-restart-scenario.sh NEWSDROP_BINARY WORK_FOLDER SEED_FILE...
# Prints KEY=value lines for the test to check.
set -euo pipefail
bin=$1 work=$2
shift 2
mount -t tmpfs tmpfs /run/systemd/journal
mkdir -p /run/log && mount -t tmpfs tmpfs /run/log
if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi

start_journald() {
    /lib/systemd/systemd-journald >/dev/null 2>&1 &
    journald=$!
    for _ in $(seq 100); do [ -S /run/systemd/journal/socket ] && return; sleep 0.1; done
    echo "ERROR=journald did not start"; exit 1
}
stop_journald() {
    kill "$journald"; wait "$journald" || true
    rm -f /run/systemd/journal/socket
}
status() { "$bin" status --state-dir "$work/state" --json; }
field() { status | grep -o "\"$1\" *: *[0-9]*" | head -n 1 | grep -o "[0-9]*$"; }
field_is() { test "$(field "$1" 2>/dev/null)" = "$2"; }
wait_until() { # seconds, then a command, run again until it succeeds
    local limit=$1; shift
    for _ in $(seq $((limit * 10))); do "$@" && return 0; sleep 0.1; done
    return 1
}

start_journald
mkdir -p "$work/inbox"
"$bin" run --inbox "$work/inbox" --state-dir "$work/state" --log-target journal >/dev/null 2>"$work/daemon.err" &
daemon=$!
# Whatever happens, nothing started here outlives the script (it would hold the caller's pipe open).
trap 'kill -KILL "$daemon" "${journald:-}" 2>/dev/null || true' EXIT
wait_until 60 sh -c "'$bin' status --state-dir '$work/state' --json 2>/dev/null | grep -q '\"running\" *: *true'"

# journald stops; articles arrive meanwhile
stop_journald
cp "$@" "$work/inbox/"
wait_until 60 field_is documents "$#"
sleep 2  # two outbox turns: the events must still be waiting, not lost
echo "DOCUMENTS=$(field documents)"
echo "UNSENT_WHILE_DOWN=$(field unsent_events)"

# journald comes back: everything that waited arrives
start_journald
wait_until 60 field_is unsent_events 0 || true
echo "UNSENT_AFTER=$(field unsent_events)"
kill -TERM "$daemon"
wait "$daemon" && echo "DAEMON_EXIT=0" || echo "DAEMON_EXIT=$?"
sleep 1
echo "INGESTED_IN_JOURNAL=$(journalctl -o json --no-pager "_PID=$daemon" NEWSDROP_EVENT=ingested | wc -l)"
echo "DOWN_NOTES=$(grep -c 'The journal does not accept entries' "$work/daemon.err" || true)"
echo "BACK_NOTES=$(journalctl -o cat --no-pager "_PID=$daemon" | grep -c 'The journal accepts entries again' || true)"
stop_journald
