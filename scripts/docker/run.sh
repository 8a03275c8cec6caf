#!/usr/bin/env bash
# Starts MUWCLASS-VO from its image (scripts/docker/build.sh) without a container engine: `buildah from` makes a
# working container of the image and `buildah run --isolation chroot` runs the image's entrypoint in it (podman and
# crun cannot start containers on machines that refuse setrlimit, as these do). Chroot isolation shares this
# machine's network: the service listens on 127.0.0.1:PORT here.
#   scripts/docker/run.sh              start in the foreground on http://127.0.0.1:8080/ (Ctrl-C stops it)
#   scripts/docker/run.sh CMD ARGS...  start on a free port, run CMD with SERVICE_URL and TAP_URL set, stop (CMD
#                                      also sees SERVICE_CONTAINER and, with DB=pg, PG_CONTAINER and PG_PORT)
# Options (environment):
#   DB=pg      also start the PostgreSQL image (pgSphere, q3c) on a free loopback port and use it; default: H2 in /data
#   PORT       HTTP port (default 8080; with a command, a free port)
#   DATA_DIR   host directory mounted as the service's /data and kept (made over to the image's user); default: the
#              container's own /data, removed with the container
#   IMAGE      service image (default localhost/muwclass-vo:latest); PG_IMAGE (default localhost/muwclass-pg:latest)
# Every MUWCLASS_* variable and HEAP, HTTP_THREADS, PAYARA_OPTS reach the service (HEAP 1g with a command). With a
# command the demo fields are not classified (MUWCLASS_DEMO_PUBLISH=false unless set), as in scripts/with-service.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE=${IMAGE:-localhost/muwclass-vo:latest}
PG_IMAGE=${PG_IMAGE:-localhost/muwclass-pg:latest}
command -v buildah >/dev/null || { echo "docker/run: buildah is not installed (apt-get install buildah)" >&2; exit 1; }
for image in "$IMAGE" ${DB:+"$PG_IMAGE"}; do
  buildah inspect --type image "$image" >/dev/null 2>&1 \
    || { echo "docker/run: no image $image (scripts/docker/build.sh builds it)" >&2; exit 1; }
done
case "${DB:-}" in ''|pg) ;; *) echo "docker/run: DB='$DB': only pg (or unset, H2) is allowed" >&2; exit 2 ;; esac

# working containers left by a run.sh that was killed (their names end in its process id) go first
for stale in $(buildah containers --format '{{.ContainerName}}' 2>/dev/null | grep -E '^muwclass-(vo|pg)-[0-9]+$' || true); do
  kill -0 "${stale##*-}" 2>/dev/null || buildah rm "$stale" >/dev/null 2>&1 || true
done
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/muwclass-docker.XXXXXX")
SVC_CTR="" SVC_PID="" PG_CTR="" PG_PID=""

# the processes a container's command started: the children of buildah-chroot-exec below `buildah run` ($1)
container_main_pids() {
  local queue=("$1") p kids
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}; queue=("${queue[@]:1}")
    kids=$(ps -o pid= --ppid "$p" 2>/dev/null || true)
    if [ "$(tr '\0' '\n' < "/proc/$p/cmdline" 2>/dev/null | head -1)" = buildah-chroot-exec ]; then
      echo $kids; continue
    fi
    for k in $kids; do queue+=("$k"); done
  done
}
# stops `buildah run` $1 of container $2: SIGTERM to the command it runs (buildah itself would SIGKILL it and leave
# its children behind), SIGKILL after 60 s, then removes the container
stop_container() {
  local pid=$1 ctr=$2 mains
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    mains=$(container_main_pids "$pid")
    [ -z "$mains" ] || kill -TERM $mains 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "docker/run: $ctr did not stop in 60 s; killing it" >&2
      mains=$(container_main_pids "$pid")
      [ -z "$mains" ] || kill -KILL $mains 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  [ -z "$ctr" ] || buildah rm "$ctr" >/dev/null 2>&1 || true
}
cleanup() {
  trap - EXIT INT TERM
  stop_container "$SVC_PID" "$SVC_CTR"
  stop_container "$PG_PID" "$PG_CTR"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# starts image $1 as a container named $2 with log $3 and the buildah run options after them; sets CTR and PID
start_container() {
  local image=$1 name=$2 log=$3; shift 3
  # Payara resolves its own host name: /etc/hosts names the container (Docker's engine does the same)
  CTR=$(buildah from --quiet --name "$name" --add-host "$name:127.0.0.1" "$image")
  # buildah run mounts the image's own volume over a --volume at the same path: drop it where one is bound
  [ -z "${BIND_PATH:-}" ] || buildah config --volume "$BIND_PATH-" "$CTR"
  local cmd
  mapfile -t cmd < <(buildah inspect --type container \
    --format '{{range .Docker.Config.Entrypoint}}{{println .}}{{end}}{{range .Docker.Config.Cmd}}{{println .}}{{end}}' "$CTR")
  if [ "$log" = - ]; then
    setsid buildah run --isolation chroot --hostname "$name" "$@" "$CTR" -- "${cmd[@]}" &
  else
    setsid buildah run --isolation chroot --hostname "$name" "$@" "$CTR" -- "${cmd[@]}" > "$log" 2>&1 &
  fi
  PID=$!
}

if [ $# -gt 0 ]; then PORT=${PORT:-$(free_port)}; LOG=$WORK/service.log; else PORT=${PORT:-8080}; LOG=-; fi
svc_env=()
while IFS='=' read -r name _; do svc_env+=(--env "$name=${!name}"); done < <(env | grep -E '^MUWCLASS_[A-Z0-9_]+=' || true)
for name in HTTP_THREADS PAYARA_OPTS; do [ -z "${!name:-}" ] || svc_env+=(--env "$name=${!name}"); done
if [ $# -gt 0 ]; then
  svc_env+=(--env "HEAP=${HEAP:-1g}")
  [ -n "${MUWCLASS_DEMO_PUBLISH:-}" ] || svc_env+=(--env MUWCLASS_DEMO_PUBLISH=false)
elif [ -n "${HEAP:-}" ]; then
  svc_env+=(--env "HEAP=$HEAP")
fi
svc_env+=(--env HOST=127.0.0.1 --env "PORT=$PORT")
[ -n "${MUWCLASS_HTTP_BASE_URL:-}" ] || svc_env+=(--env "MUWCLASS_HTTP_BASE_URL=http://127.0.0.1:$PORT")

if [ "${DB:-}" = pg ]; then
  PGPORT_HOST=$(free_port)
  start_container "$PG_IMAGE" "muwclass-pg-$$" "$WORK/pg.log" --env "PGPORT=$PGPORT_HOST" --env LISTEN_ADDRESSES=127.0.0.1
  PG_CTR=$CTR PG_PID=$PID
  # the TCP listener opens only after initialisation (postgres-init.sh); pg_isready then says it takes logins
  for i in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT_HOST") 2>/dev/null \
       && buildah run --isolation chroot "$PG_CTR" -- /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1 -p "$PGPORT_HOST"; then
      break
    fi
    if ! kill -0 "$PG_PID" 2>/dev/null || [ "$i" = 120 ]; then
      echo "docker/run: PostgreSQL did not come up; log:" >&2; tail -30 "$WORK/pg.log" >&2; exit 1
    fi
    sleep 1
  done
  echo "docker/run: PostgreSQL ($PG_IMAGE) is up on 127.0.0.1:$PGPORT_HOST"
  svc_env+=(--env "MUWCLASS_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT_HOST/tapdb"
    --env MUWCLASS_DB_USER=tap --env MUWCLASS_DB_PASSWORD=tap
    --env MUWCLASS_DB_QUERY_USER=tap_reader --env MUWCLASS_DB_QUERY_PASSWORD=tap_reader)
fi

SVC_CTR=$(buildah from --quiet --name "muwclass-vo-$$" "$IMAGE")
volume=()
if [ -n "${DATA_DIR:-}" ]; then
  DATA_DIR=$(realpath -m "$DATA_DIR"); mkdir -p "$DATA_DIR"
  chown "$(buildah run --isolation chroot "$SVC_CTR" -- sh -c 'echo "$(id -u):$(id -g)"')" "$DATA_DIR"
  volume=(--volume "$DATA_DIR:/data")
fi
buildah rm "$SVC_CTR" >/dev/null
SVC_CTR=""
BIND_PATH=${DATA_DIR:+/data} start_container "$IMAGE" "muwclass-vo-$$" "$LOG" "${svc_env[@]}" "${volume[@]}"
SVC_CTR=$CTR SVC_PID=$PID
export SERVICE_URL=http://127.0.0.1:$PORT TAP_URL=http://127.0.0.1:$PORT/tap SERVICE_CONTAINER=$SVC_CTR \
  PG_CONTAINER=$PG_CTR PG_PORT=${PGPORT_HOST:-}
if [ $# -eq 0 ]; then
  echo "docker/run: starting $IMAGE on $SERVICE_URL (Ctrl-C stops it)"
  wait "$SVC_PID" || true
  exit 0
fi
for i in $(seq 1 180); do
  if curl -sf "$SERVICE_URL/availability" 2>/dev/null | grep -q 'available>true'; then break; fi
  if ! kill -0 "$SVC_PID" 2>/dev/null || [ "$i" = 180 ]; then
    echo "docker/run: the service did not come up; log:" >&2; tail -50 "$LOG" >&2; exit 1
  fi
  sleep 1
done
echo "docker/run: $IMAGE is up on $SERVICE_URL after $i s${DB:+ (database: PostgreSQL)}"
status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "docker/run: the command failed ($status); last lines of the service log:" >&2
  tail -40 "$LOG" >&2 || true
fi
exit "$status"
