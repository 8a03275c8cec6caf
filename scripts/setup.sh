#!/usr/bin/env bash
# Installs what building and testing MUWCLASS-VO needs on Debian 12, skipping what is already there:
# Java 17 + Maven, VOLLT ADQL (adql-java, then into ~/.m2), PostgreSQL 15 + pgSphere + q3c (query tests on the
# production database), STILTS (taplint), python3-pyvo (client acceptance tests), python3-sklearn + python3-imblearn (the scikit-learn
# fidelity check, scripts/bench/sklearn_fidelity.py) and buildah, debootstrap, podman
# (the container images, scripts/acceptance/docker.sh).
#   setup.sh          everything
#   setup.sh --run    only what running the service needs (Java, Maven, ADQL)
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(openjdk-17-jdk-headless maven adql-java libcds-healpix-java)
[ "${1:-}" = "--run" ] || pkgs+=(postgresql-15 postgresql-15-pgsphere postgresql-15-q3c stilts python3-pyvo python3-requests
  python3-sklearn python3-imblearn
  buildah debootstrap podman)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine image may bring its own JDK/Maven outside dpkg.
if command -v javac >/dev/null && javac -version 2>&1 | grep -qE ' (1[7-9]|2[0-9])\.'; then
  missing=("${missing[@]/openjdk-17-jdk-headless}")
fi
command -v mvn >/dev/null && missing=("${missing[@]/maven}")
read -r -a missing <<< "${missing[*]}"

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! ls ~/.m2/repository/local/vollt/adql/1.5-2/adql-1.5-2.jar >/dev/null 2>&1; then
  ./scripts/install-adql.sh
fi
if ! ls ~/.m2/repository/local/cds/cdshealpix/0.30.2/cdshealpix-0.30.2.jar >/dev/null 2>&1; then
  ./scripts/install-healpix.sh
fi
echo "setup: ready"
