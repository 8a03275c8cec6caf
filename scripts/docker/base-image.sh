#!/usr/bin/env bash
# Makes the local Debian 12 base image the container builds start FROM (docs: README "Containers"): there is no
# image registry here, so a minimal Debian (debootstrap --variant=minbase) is built from the configured Debian mirror
# and imported into the local container storage that buildah and podman share. Skipped when the image is there.
#   BASE_IMAGE     image name (default localhost/debian:bookworm)
#   DEBIAN_MIRROR  Debian archive URL (default: the first .../debian URI in /etc/apt/sources.list*, else
#                  http://deb.debian.org/debian); the security archive is the same URL with "-security" appended
#   REBUILD=1      build and import again even when the image is there
set -euo pipefail
BASE_IMAGE=${BASE_IMAGE:-localhost/debian:bookworm}
SUITE=bookworm

if [ -z "${REBUILD:-}" ] && podman image exists "$BASE_IMAGE"; then
  echo "base-image: $BASE_IMAGE is there (REBUILD=1 to make it again)"
  exit 0
fi
for tool in debootstrap podman; do
  command -v "$tool" >/dev/null || { echo "base-image: $tool is not installed (apt-get install buildah debootstrap podman)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "base-image: debootstrap needs root" >&2; exit 1; }

if [ -z "${DEBIAN_MIRROR:-}" ]; then
  # deb822 "URIs: http://host/debian" or one-line "deb http://host/debian bookworm main"
  DEBIAN_MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE '(https?)://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)
  DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
fi
DEBIAN_MIRROR=${DEBIAN_MIRROR%/}

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-base.XXXXXX")
trap 'rm -rf "$ROOT"' EXIT
start=$(date +%s)
echo "base-image: debootstrap --variant=minbase $SUITE from $DEBIAN_MIRROR"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$DEBIAN_MIRROR" > "$ROOT.log" 2>&1 \
  || { tail -30 "$ROOT.log" >&2; rm -f "$ROOT.log"; exit 1; }
rm -f "$ROOT.log"
# The same archives the official debian:bookworm image uses: release, updates and security
cat > "$ROOT/etc/apt/sources.list" <<SOURCES
deb $DEBIAN_MIRROR $SUITE main
deb $DEBIAN_MIRROR $SUITE-updates main
deb $DEBIAN_MIRROR-security $SUITE-security main
SOURCES
# Image hygiene as in the official image: no downloaded packages or lists, no host identity
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/* "$ROOT"/tmp/*
: > "$ROOT/etc/hostname"
: > "$ROOT/etc/resolv.conf"
tar --numeric-owner -C "$ROOT" -c . \
  | podman import --quiet --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      - "$BASE_IMAGE" >/dev/null
echo "base-image: $BASE_IMAGE imported in $(( $(date +%s) - start )) s"
