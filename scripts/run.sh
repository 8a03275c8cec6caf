#!/usr/bin/env bash
# Starts MUWCLASS-VO on Payara Micro with the embedded H2 database (builds first if needed).
#   PORT      HTTP port (default 8080)
#   HOST      listener address (default 127.0.0.1)
#   DATA_DIR  data directory: database and job files (default ./data)
#   MUWCLASS_HTTP_BASE_URL  absolute base of every URL the service writes (default http://HOST:PORT; set it to the
#             public URL when serving behind a proxy or on a public address)
#   MUWCLASS_HTTP_METRICS_PUBLIC  true to keep Payara's /metrics and /openapi (default false: switched off)
#   HTTP_THREADS  HTTP worker threads, a fixed pool (default 48)
#   PAYARA_OPTS  Payara Micro clustering options (default --nohazelcast: a single instance). For a cluster member
#             (docs/cluster.md), e.g. PAYARA_OPTS="--name m1 --clustermode tcpip:10.0.0.1:6900,10.0.0.2:6900"
#             together with a shared DATA_DIR and PostgreSQL (MUWCLASS_DB_URL below)
# Any other muwclass.* setting can be passed as MUWCLASS_* environment variables (MicroProfile Config), e.g.
#   MUWCLASS_DB_URL=jdbc:postgresql://localhost/tapdb MUWCLASS_DB_USER=tap MUWCLASS_DB_PASSWORD=tap
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
DATA_DIR=$(realpath -m "${DATA_DIR:-data}")

newest_source=$(find pom.xml src/main webapp vo-config -newer target/muwclass-vo.war -type f -print -quit 2>/dev/null || true)
if [ ! -f target/muwclass-vo.war ] || [ ! -f target/payara-micro.jar ] || [ -n "$newest_source" ]; then
  if ! ls ~/.m2/repository/local/vollt/adql/1.5-2/adql-1.5-2.jar >/dev/null 2>&1; then
    ./scripts/install-adql.sh
  fi
  if ! ls ~/.m2/repository/local/cds/cdshealpix/0.30.2/cdshealpix-0.30.2.jar >/dev/null 2>&1; then
    ./scripts/install-healpix.sh
  fi
  mvn -B -q -DskipTests package
fi

mkdir -p "$DATA_DIR"
PREBOOT="$DATA_DIR/preboot.asadmin"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$HOST" > "$PREBOOT"
# HTTP worker threads (issue 13, docs/benchmarks.md "Hostile load"): a fixed pool (min = max). Grizzly gives a pool
# whose min and max differ a queue under one lock (SyncThreadPool), on which a burst of 1,000 requests convoyed;
# with min = max it uses a lock-free queue. Blocking WAIT requests hold no thread (they are suspended), so the pool
# only has to cover requests being worked on (sync queries hold one each, at most muwclass.tap.sync.concurrency).
HTTP_THREADS=${HTTP_THREADS:-48}
echo "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$HTTP_THREADS" >> "$PREBOOT"
echo "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=$HTTP_THREADS" >> "$PREBOOT"
# /metrics and /openapi (Payara Micro's own endpoints, outside the WAR's filters) only on request (docs/security.md)
if [ "${MUWCLASS_HTTP_METRICS_PUBLIC:-false}" != "true" ]; then
  echo "set configs.config.server-config.microprofile-metrics-configuration.enabled=false" >> "$PREBOOT"
  echo "set-openapi-configuration --enabled=false" >> "$PREBOOT"
fi
# URLs in Location, UWS documents and capabilities come from this, never from the request's Host header
if [ -z "${MUWCLASS_HTTP_BASE_URL:-}" ]; then
  case "$HOST" in
    0.0.0.0|::|'[::]') BASE_HOST=127.0.0.1
      echo "run.sh: HOST=$HOST: set MUWCLASS_HTTP_BASE_URL to the public URL, else written URLs name 127.0.0.1" >&2 ;;
    *:*) BASE_HOST="[$HOST]" ;;
    *) BASE_HOST=$HOST ;;
  esac
  export MUWCLASS_HTTP_BASE_URL="http://$BASE_HOST:$PORT"
fi

# JAXP hardened for the whole JVM (docs/security.md, "Uploads and request bodies"): no parser may fetch an external
# DTD, schema or stylesheet, and entity expansion is bounded, whatever code creates the parser.
XML_HARDENING="-Djavax.xml.accessExternalDTD= -Djavax.xml.accessExternalSchema= -Djavax.xml.accessExternalStylesheet=
 -Djdk.xml.entityExpansionLimit=2000 -Djdk.xml.maxGeneralEntitySizeLimit=100000
 -Djdk.xml.maxParameterEntitySizeLimit=100000 -Djdk.xml.totalEntitySizeLimit=1000000
 -Djdk.xml.entityReplacementLimit=100000 -Djdk.xml.maxElementDepth=1000"

# The default SecureRandom is DRBG seeded from /dev/urandom instead of NativePRNG: Payara starts a request-tracing span
# (two UUID.randomUUID()) for every request even with tracing off, and NativePRNG serialises them on one lock with a
# SHA1 mix and /dev/urandom reads inside; under a burst of 1,000 requests on a busy machine that lock convoyed.
SECURE_RANDOM="-Djava.security.egd=file:/dev/./urandom"

# shellcheck disable=SC2086
exec java -Xmx${HEAP:-4g} $XML_HARDENING $SECURE_RANDOM ${JAVA_OPTS:-} \
  -Dmuwclass.data.dir="$DATA_DIR" \
  -DWEKA_HOME="$DATA_DIR/wekafiles" -Dweka.packageManager.offline=true \
  -Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK -Djava.awt.headless=true \
  -jar target/payara-micro.jar \
  --deploy target/muwclass-vo.war --contextroot / \
  --port "$PORT" ${PAYARA_OPTS:---nohazelcast} --disablephonehome \
  --prebootcommandfile "$PREBOOT"
