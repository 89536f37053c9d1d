#!/usr/bin/env bash
# The portal at a month-end's volume (issue 27), full size: web/tests/scale.test.js against a dev
# node with cascade-indexer beside it (scripts/e2e/portal.sh), with a supplier holding $NOTES
# notes, a core with $RECEIVABLES receivables and a bank with $FINANCINGS financings (the suite
# runs the same tests at 1,000 / 3,000 / 1,000). Prints, for each view, the time from a reload
# to its first page on screen (limit 2 s) and the requests the page sends per block.
#   ./scripts/load/portal.sh                         10,000 of each
#   NOTES=5000 RECEIVABLES=5000 FINANCINGS=5000 ./scripts/load/portal.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export CASCADE_SCALE_NOTES="${NOTES:-10000}"
export CASCADE_SCALE_RECEIVABLES="${RECEIVABLES:-10000}"
export CASCADE_SCALE_FINANCINGS="${FINANCINGS:-10000}"
exec ./scripts/e2e/portal.sh tests/scale.test.js
