#!/usr/bin/env bash
# Browser tests of the web pages (issue 7): starts the service on a free port with a scratch data directory, runs
# webtest/ (Playwright driving Debian's Chromium; a real JSAMP hub for the SAMP sends) and stops everything.
#   WEB_SCREENSHOTS=DIR   also keep the page screenshots there (default: webtest/out)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v jsamp >/dev/null || missing+=(jsamp)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
(cd webtest && npm ci --no-audit --no-fund --loglevel=error)

SCRATCH=$(mktemp -d /tmp/muwclass-web.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
SERVICE_PID=
cleanup() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

echo "web: starting the service on 127.0.0.1:$PORT (log: $SCRATCH/service.log)"
MUWCLASS_DEMO_PUBLISH=${MUWCLASS_DEMO_PUBLISH:-false} DATA_DIR="$SCRATCH/data" PORT=$PORT HEAP=${HEAP:-2g} ./scripts/run.sh > "$SCRATCH/service.log" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$PORT/availability" 2>/dev/null | grep -q '<vosi:available>true'; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then tail -50 "$SCRATCH/service.log"; echo "web: the service died"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/availability" | grep -q '<vosi:available>true' \
  || { tail -50 "$SCRATCH/service.log"; echo "web: the service did not become available"; exit 1; }

echo "web: running the browser tests"
status=0
BASE_URL="http://127.0.0.1:$PORT/" SCREENSHOT_DIR="${WEB_SCREENSHOTS:-$ROOT/webtest/out}" \
  npm --prefix webtest test || status=$?
if [ $status -ne 0 ]; then
  echo "web: browser tests failed; last lines of the service log:"
  tail -40 "$SCRATCH/service.log"
fi
exit $status
