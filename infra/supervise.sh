#!/usr/bin/env bash
# Keeps one process running: when it exits without being asked to (kill -9, a JVM ended by
# -XX:+ExitOnOutOfMemoryError, a crash) it is started again after a short pause, with a line on the
# console. More than CAITIEN_RESTART_MAX_PER_MINUTE restarts within a minute means something is wrong that
# a restart will not fix: it is left stopped and said so. SIGTERM or SIGINT to the supervisor stops the
# process (SIGTERM, then SIGKILL after 30 s) and ends the supervision.
#
#   infra/supervise.sh <name> <log file> <command…>     (./caitien up|demo runs each service this way)
#
# Settings (environment): CAITIEN_RESTART_BACKOFF=2 (seconds before a restart),
# CAITIEN_RESTART_MAX_PER_MINUTE=5 (restarts allowed within 60 s). The process's output is appended to the
# log; each restart is also noted there. The supervisor writes the running process's pid to <log>.pid.
set -uo pipefail

name=$1 log=$2
shift 2
backoff=${CAITIEN_RESTART_BACKOFF:-2}
max_per_minute=${CAITIEN_RESTART_MAX_PER_MINUTE:-5}
child=
restarts=()

stop() {
  trap - TERM INT
  if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null
    for ((t = 0; t < 120; t++)); do kill -0 "$child" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  rm -f "$log.pid"
  exit 0
}
trap stop TERM INT

note() { echo "$1"; echo "[$(date '+%F %T')] $1" >>"$log"; }

while true; do
  # The child must not die with the terminal's Ctrl-C on its own: the supervisor stops it in order.
  "$@" >>"$log" 2>&1 </dev/null &
  child=$!
  echo "$child" >"$log.pid"
  wait "$child" 2>/dev/null
  code=$?
  now=$(date +%s)
  recent=()
  for t in "${restarts[@]}"; do (( now - t < 60 )) && recent+=("$t"); done
  restarts=("${recent[@]}")
  if (( ${#restarts[@]} >= max_per_minute )); then
    note "✗ $name dừng bất thường (mã $code) lần thứ $((${#restarts[@]} + 1)) trong một phút; không khởi động lại nữa. Xem $log"
    rm -f "$log.pid"
    exit 1
  fi
  restarts+=("$now")
  note "⚠ $name dừng bất thường (mã $code$( ((code == 3)) && echo ", hết bộ nhớ" )); khởi động lại sau ${backoff}s…"
  sleep "$backoff" &
  wait $! || true
done
