#!/usr/bin/env bash
# Installs CDS HEALPix (Debian package libcds-healpix-java 0.30.2) into the local Maven repository as
# local.cds:cdshealpix:0.30.2, after checking the jar's checksum. Used by the embedded database's HEALPix cone index
# and the ivo_healpix_* ADQL functions.
set -euo pipefail
JAR=/usr/share/java/cdshealpix-0.30.2.jar
SHA=b496259fd9509ec9c2e5af21dd68fe59ba88e23813f3b886f8031c1a206221dd
if [ ! -f "$JAR" ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcds-healpix-java \
      || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcds-healpix-java; }
  else
    echo "install-healpix: $JAR is missing; run: sudo apt-get install libcds-healpix-java" >&2
    exit 1
  fi
fi
echo "$SHA  $JAR" | sha256sum -c --quiet - || { echo "install-healpix: checksum mismatch for $JAR" >&2; exit 1; }
mvn -B -q ${MAVEN_REPO_OPT:-} org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
  -Dfile="$JAR" -DgroupId=local.cds -DartifactId=cdshealpix -Dversion=0.30.2 -Dpackaging=jar -DgeneratePom=true
echo "install-healpix: local.cds:cdshealpix:0.30.2 installed"
