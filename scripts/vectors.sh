#!/usr/bin/env bash
# Regenerates fixtures/wallet-vectors.json with the openssl CLI; `--check` verifies the committed copy.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null || { echo "openssl is required (apt-get install openssl)" >&2; exit 1; }
exec node scripts/vectors.mjs "$@"
