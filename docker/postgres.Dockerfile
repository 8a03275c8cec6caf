# PostgreSQL 15 with pgSphere and q3c (Debian packages), for the production database. From the repository root:
#   docker build -f docker/postgres.Dockerfile -t muwclass-pg .
#   buildah bud --isolation chroot --format docker --build-arg BASE=localhost/debian:bookworm -f docker/postgres.Dockerfile .
# BASE: any Debian 12 image (the public default, or the local one of scripts/docker/base-image.sh).
ARG BASE=debian:bookworm-slim
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       postgresql-15 postgresql-15-pgsphere postgresql-15-q3c \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
    && install -d -o postgres -g postgres -m 700 /var/lib/postgresql/data
# pgSphere 1.1.1 on PostgreSQL >= 15.20: drop two operators 15.20 refuses (see the script).
COPY scripts/pgsphere-compat.sh /usr/local/bin/pgsphere-compat.sh
RUN /usr/local/bin/pgsphere-compat.sh
COPY docker/postgres-init.sh /usr/local/bin/postgres-init.sh
USER postgres
ENV PGDATA=/var/lib/postgresql/data \
    PGPORT=5432
VOLUME /var/lib/postgresql/data
EXPOSE 5432
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=20 \
    CMD /usr/lib/postgresql/15/bin/pg_isready -h 127.0.0.1 -p "$PGPORT" || exit 1
CMD ["/usr/local/bin/postgres-init.sh"]
