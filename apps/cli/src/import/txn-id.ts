/**
 * Deterministic clientTxnIds for an import: one per (file content, row). A row sent again, after
 * a kill or by `--resume`, carries the same id, so the platform's idempotency answers the stored
 * result instead of registering the customer twice.
 */
import { createHash } from 'node:crypto';

/** `imp-<first 20 hex of the file's SHA-256>-<row>`: 1-100 characters of A-Z a-z 0-9 - _. */
export function importTxnId(fileSha256: string, row: number): string {
  return `imp-${fileSha256.slice(0, 20)}-${row}`;
}

/** A streaming SHA-256, hex. */
export function sha256Hex(): { update(chunk: Uint8Array): void; digest(): string } {
  const hash = createHash('sha256');
  return {
    update: (chunk) => {
      hash.update(chunk);
    },
    digest: () => hash.digest('hex'),
  };
}
