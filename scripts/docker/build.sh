#!/usr/bin/env bash
# Builds the container images with buildah (no Docker engine needed): the local Debian base image
# (scripts/docker/base-image.sh), the WAR if it is missing or older than its sources, then
#   muwclass-vo   docker/Dockerfile           the service
#   muwclass-pg   docker/postgres.Dockerfile  PostgreSQL 15 + pgSphere + q3c   (skipped with IMAGES=service)
# An image that is already there and newer than everything it copies is kept (REBUILD=1 builds again).
#   BASE_IMAGE  the FROM of both images (default localhost/debian:bookworm, made here; a public image such as
#               debian:bookworm-slim where a registry is reachable)
#   IMAGES      "service pg" (default), "service" or "pg"
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE_IMAGE=${BASE_IMAGE:-localhost/debian:bookworm}
IMAGES=${IMAGES:-service pg}
command -v buildah >/dev/null || { echo "docker/build: buildah is not installed (apt-get install buildah debootstrap podman)" >&2; exit 1; }

if [ "$BASE_IMAGE" = localhost/debian:bookworm ]; then
  BASE_IMAGE=$BASE_IMAGE ./scripts/docker/base-image.sh
fi

# seconds since the epoch when the image was made, 0 when it is not there
image_time() {
  local created
  created=$(buildah inspect --type image --format '{{.Docker.Created.Unix}}' "$1" 2>/dev/null) || { echo 0; return; }
  echo "$created"
}
# true when image $1 is missing or older than any of the files $2...
stale() {
  local image=$1; shift
  [ -n "${REBUILD:-}" ] && return 0
  local made; made=$(image_time "$image")
  [ "$made" = 0 ] && return 0
  local f
  for f in "$@"; do [ "$(stat -c %Y "$f")" -gt "$made" ] && return 0; done
  return 1
}
build() {
  local image=$1 dockerfile=$2 start; start=$(date +%s)
  echo "docker/build: building $image from $dockerfile (FROM $BASE_IMAGE)"
  # --format docker: the OCI format has no HEALTHCHECK; --layers: an unchanged apt step is reused (not with REBUILD)
  buildah bud --isolation chroot --format docker --layers ${REBUILD:+--no-cache} --quiet \
    --build-arg BASE="$BASE_IMAGE" -f "$dockerfile" -t "$image" . >/dev/null
  echo "docker/build: $image built in $(( $(date +%s) - start )) s"
}

# the two images build at the same time (their apt downloads and unpacking overlap); each logs to its own file
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-build.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
pids=() names=()
for which in $IMAGES; do
  case "$which" in
    service)
      newest_source=$(find pom.xml src/main webapp vo-config -newer target/muwclass-vo.war -type f -print -quit 2>/dev/null || true)
      if [ ! -f target/muwclass-vo.war ] || [ ! -f target/payara-micro.jar ] || [ -n "$newest_source" ]; then
        echo "docker/build: building the WAR"
        mvn -B -q -DskipTests package
      fi
      image=localhost/muwclass-vo:latest dockerfile=docker/Dockerfile
      inputs=(docker/Dockerfile scripts/run.sh target/muwclass-vo.war target/payara-micro.jar) ;;
    pg)
      image=localhost/muwclass-pg:latest dockerfile=docker/postgres.Dockerfile
      inputs=(docker/postgres.Dockerfile docker/postgres-init.sh) ;;
    *) echo "docker/build: IMAGES: '$which' is not service or pg" >&2; exit 2 ;;
  esac
  if stale "$image" "${inputs[@]}"; then
    build "$image" "$dockerfile" > "$LOGS/$which.log" 2>&1 &
    pids+=($!) names+=("$which")
  else
    echo "docker/build: $image is up to date"
  fi
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then failed=1; echo "docker/build: the ${names[$i]} image failed to build:" >&2; fi
  grep -v '^debconf: delaying package configuration' "$LOGS/${names[$i]}.log" || true
done
exit "$failed"
