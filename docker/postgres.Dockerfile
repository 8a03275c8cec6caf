# PostgreSQL 15 with pgSphere and q3c (Debian packages), for the production database.
FROM debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      postgresql-15 postgresql-15-pgsphere postgresql-15-q3c && rm -rf /var/lib/apt/lists/*
COPY docker/postgres-init.sh /usr/local/bin/postgres-init.sh
USER postgres
ENV PGDATA=/var/lib/postgresql/data
VOLUME /var/lib/postgresql/data
EXPOSE 5432
CMD ["/usr/local/bin/postgres-init.sh"]
