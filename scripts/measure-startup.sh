#!/usr/bin/env bash
# Measures the service's start-up: seconds from launch to the first available VOSI answer, and the resident memory
# (RSS) of the Java process then. Starts twice on a fresh data directory (first start loads the training set).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
DIR=$(mktemp -d)
for run in first second; do
  start=$(date +%s.%N)
  DATA_DIR=$DIR PORT=$PORT ./scripts/run.sh > "$DIR/$run.log" 2>&1 &
  pid=$!
  until curl -sf -m 2 "http://127.0.0.1:$PORT/availability" 2>/dev/null | grep -q '>true<'; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "service exited; see $DIR/$run.log"; exit 1; }
  done
  end=$(date +%s.%N)
  jpid=$(pgrep -f "payara-micro.jar.*--port $PORT" | head -1)
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$jpid/status)
  printf '%s start: available after %.1f s, RSS %s MiB\n' "$run" "$(echo "$end - $start" | bc)" "$rss"
  kill $jpid; wait $pid 2>/dev/null || true
done
rm -rf "$DIR"
