#!/usr/bin/env bash
# DataLink acceptance with pyvo's DataLink client against one fresh service: an operator publishes a small
# classification job, then examples/pyvo_datalink.py follows the service descriptors of TAP results on
# muwclass.training_set and muwclass.classified_sources and of the job's result table (iter_datalinks) and reads
# every link, with pyvo/astropy warnings as errors. (scripts/acceptance/tap.sh runs the anonymous part.)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/muwclass-datalink.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 scripts/hostile/make-identities.py "$WORK/secrets" > /dev/null
export MUWCLASS_AUTH_USERS_FILE=$WORK/secrets/users MUWCLASS_AUTH_JWT_SECRET_FILE=$WORK/secrets/jwt.secret
export MUWCLASS_AUTH_JWT_ISSUER=https://datalink.muwclass.test/issuer
OPERATOR=$(cut -d, -f1 < "$WORK/secrets/users.env")   # operator-user:password
export OPERATOR
./scripts/with-service.sh bash -c '/usr/bin/python3 examples/pyvo_datalink.py "$TAP_URL" "$OPERATOR"'
