#!/usr/bin/env bash
# Hostile load measurement (issue 13; docs/benchmarks.md, "Hostile load"): starts the service on a scratch data
# directory (H2 unless MUWCLASS_DB_URL says otherwise) and runs scripts/bench/hostile-load.py against it. Arguments
# go to the Python script, e.g.
#   scripts/bench/hostile-load.sh                      # 1,000 WAIT=60 waiters + 40 heavy sync queries, 30 s window
#   scripts/bench/hostile-load.sh --waiters 100 --heavy 10 --window 15
# Exits with the script's status: 1 when /availability p99 >= 200 ms or the trivial async query took >= 5 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
# 1,000 sockets on each side of loopback
[ "$(ulimit -n)" -ge 4096 ] || ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec ./scripts/with-service.sh bash -c '/usr/bin/python3 scripts/bench/hostile-load.py "$SERVICE_URL" "$@"' hostile-load "$@"
