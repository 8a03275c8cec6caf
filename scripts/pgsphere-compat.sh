#!/usr/bin/env bash
# Makes Debian's pgSphere 1.1.1 (2021 snapshot) installable on PostgreSQL 15.20 and later (bookworm-security): its
# extension script defines two compatibility operators @(bigint, smoc) and @(spoint, smoc) whose COMMUTATOR @> already
# commutes with <@, which 15.20 refuses, so CREATE EXTENSION pg_sphere fails. Upstream dropped both operators
# (postgrespro/pgsphere#85, #92); so do we. Nothing here uses them. Idempotent; needs write access to the file (root).
#   pgsphere-compat.sh [extension-dir]    default /usr/share/postgresql/15/extension
set -euo pipefail
dir=${1:-/usr/share/postgresql/15/extension}
shopt -s nullglob
for f in "$dir"/pg_sphere--*.sql; do
  grep -q 'RIGHTARG *= *smoc' "$f" 2>/dev/null || continue
  if [ ! -w "$f" ]; then echo "pgsphere-compat: $f is not writable; run as root if CREATE EXTENSION pg_sphere fails" >&2; continue; fi
  perl -0777 -pi -e '$n = s/CREATE OPERATOR @ \(\s*LEFTARG\s*=\s*(bigint|spoint),\s*RIGHTARG\s*=\s*smoc,[^;]*\);\n//g;
      warn "pgsphere-compat: $n compatibility operators dropped from $ARGV\n" if $n' "$f"
done
