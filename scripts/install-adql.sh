#!/usr/bin/env bash
# Installs VOLLT's ADQL parser (Debian package adql-java 1.5-2) into the local Maven repository
# as local.vollt:adql:1.5-2, after checking the jar's checksum.
set -euo pipefail
JAR=/usr/share/java/adql-1.5.jar
SHA=eeb5045bd04b6d36a624dc31012dfeac4638761a6df6cf9f21fbc30ce2e7ced5
if [ ! -f "$JAR" ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends adql-java=1.5-2 \
      || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends adql-java=1.5-2; }
  else
    echo "install-adql: $JAR is missing; run: sudo apt-get install adql-java" >&2
    exit 1
  fi
fi
echo "$SHA  $JAR" | sha256sum -c --quiet - || { echo "install-adql: checksum mismatch for $JAR" >&2; exit 1; }
mvn -B -q ${MAVEN_REPO_OPT:-} org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
  -Dfile="$JAR" -DgroupId=local.vollt -DartifactId=adql -Dversion=1.5-2 -Dpackaging=jar -DgeneratePom=true
echo "install-adql: local.vollt:adql:1.5-2 installed"
