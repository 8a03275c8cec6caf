#!/usr/bin/env bash
# UWS restart acceptance check (issue 5): finished results survive kill -9, interrupted jobs fail clearly,
# queued jobs are queued again.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./scripts/uws-restart-test.sh
