#!/usr/bin/env bash
# Recomputes fixtures/payu-hash-vectors.json with sha512sum/sha256sum; `--check` verifies the committed copy.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in sha512sum sha256sum; do
  command -v "$tool" >/dev/null || { echo "$tool is required (coreutils)" >&2; exit 1; }
done
exec node scripts/payu-vectors.mjs "$@"
