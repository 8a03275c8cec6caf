#!/usr/bin/env bash
# TAP acceptance with real clients against one fresh service: STILTS taplint (0 errors) and pyvo (sync, async,
# upload join), pyvo/astropy reading every document without a warning, and pyvo following the DataLink service
# descriptors of result tables (iter_datalinks).
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/with-service.sh bash -c './scripts/taplint.sh "$TAP_URL" && /usr/bin/python3 examples/pyvo_tap.py "$TAP_URL" && /usr/bin/python3 examples/pyvo_no_warnings.py "$TAP_URL" && /usr/bin/python3 examples/pyvo_datalink.py "$TAP_URL"'
