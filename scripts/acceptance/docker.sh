#!/usr/bin/env bash
# Container smoke test (issue 16 item 9): the images built for real and the service started from them, without a
# Docker engine. Builds (or reuses, when present and current) the local Debian base image and the service and
# PostgreSQL images with buildah (scripts/docker/build.sh), starts both from their images with
# `buildah run --isolation chroot` (scripts/docker/run.sh, DB=pg: the compose stack's two containers), then checks
#   - the service runs as the image's non-root user, and each image's HEALTHCHECK command, run in its container,
#     says healthy (no engine runs it here)
#   - STILTS taplint against the container: 0 errors, 0 warnings, 0 failures (scripts/taplint.sh)
#   - a pgSphere cone through TAP: the count equals the one computed here from every training source's position
#   - one classification job: the NGC 3532 demo field with DRAWS draws (default 4), its published CT >= 2 classes
#     found for at least 90% of the sources (examples/classify_ngc3532.py)
# and stops both containers. Needs root (debootstrap) and buildah, debootstrap, podman (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS=0
./scripts/docker/build.sh
echo "docker acceptance: images ready after ${SECONDS} s"
export DRAWS=${DRAWS:-4}
# one job at a time gets every core, as in classify-ngc3532.sh
export MUWCLASS_JOBS_THREADS=1
DB=pg ./scripts/docker/run.sh bash -c '
set -euo pipefail
port=${SERVICE_URL##*:}
java_pid=$(pgrep -f -- "-jar target/payara-micro.jar --deploy target/muwclass-vo.war --contextroot / --port $port ")
java_uid=$(stat -c %u "/proc/$java_pid")
echo "service process $java_pid runs as uid $java_uid"
[ "$java_uid" != 0 ]
healthcheck() {  # container, environment...: runs the CMD-SHELL of the image HEALTHCHECK inside the container
  local ctr=$1; shift
  buildah run --isolation chroot "$@" "$ctr" -- sh -c \
    "$(buildah inspect --type container --format "{{index .Docker.Config.Healthcheck.Test 1}}" "$ctr")"
}
# one command a line: errexit ignores a failure on the left of &&
healthcheck "$SERVICE_CONTAINER" --env "PORT=$port"
echo "service HEALTHCHECK: healthy"
healthcheck "$PG_CONTAINER" --env "PGPORT=$PG_PORT"
echo "PostgreSQL HEALTHCHECK: healthy"
./scripts/taplint.sh "$TAP_URL"
/usr/bin/python3 - "$TAP_URL" <<PY
import csv, io, math, sys, urllib.parse, urllib.request
tap = sys.argv[1]
def query(adql):
    body = urllib.parse.urlencode({"LANG": "ADQL", "FORMAT": "csv", "MAXREC": "100000", "QUERY": adql}).encode()
    with urllib.request.urlopen(tap + "/sync", data=body, timeout=120) as r:
        return list(csv.DictReader(io.StringIO(r.read().decode())))
ra0, dec0, radius = 266.4, -28.9, 25.0  # the Galactic centre region, dense in training sources
rows = query("SELECT ra, dec FROM muwclass.training_set")
def sep(ra, dec):
    a, b, c, d = map(math.radians, (ra, dec, ra0, dec0))
    h = math.sin((b - d) / 2) ** 2 + math.cos(b) * math.cos(d) * math.sin((a - c) / 2) ** 2
    return math.degrees(2 * math.asin(min(1.0, math.sqrt(h))))
expected = sum(1 for r in rows if sep(float(r["ra"]), float(r["dec"])) < radius)
got = int(query(f"SELECT COUNT(*) AS n FROM muwclass.training_set WHERE 1 = CONTAINS(POINT(\x27ICRS\x27, ra, dec), "
                f"CIRCLE(\x27ICRS\x27, {ra0}, {dec0}, {radius}))")[0]["n"])
print(f"cone ({ra0}, {dec0}, {radius} deg) on PostgreSQL: {got} sources, {expected} computed from {len(rows)} positions")
sys.exit(0 if got == expected and 0 < got < len(rows) else 1)
PY
out=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-docker-job.XXXXXX")
trap "rm -rf \"$out\"" EXIT
/usr/bin/python3 examples/classify_ngc3532.py --url "$SERVICE_URL" --draws "$DRAWS" --timeout 600 --out "$out"
'
echo "docker acceptance: passed in ${SECONDS} s"
