/** How `wallet logs tail` prints a journal entry for a person: one line per request. */

/** The fields of a journal entry the line uses (the sandbox's `JournalEntry`). */
export interface TailEntry {
  readonly seq: number;
  readonly receivedAt: string;
  readonly durationMs: number;
  readonly method: string;
  readonly path: string;
  readonly api: string | null;
  readonly merchantKey: string | null;
  readonly status: number;
  readonly responseCode: string | null;
  readonly clientTxnId: string | null;
  readonly replayed: boolean;
  readonly failureReason: string | null;
  readonly fault: string | null;
}

/** `12:34:56.789  PATCH load              200  00     12.3 ms  merchant  txn-1  replayed`. */
export function formatEntry(entry: TailEntry): string {
  const parts = [
    entry.receivedAt.slice(11, 23),
    `${entry.method} ${entry.api ?? entry.path}`.padEnd(24),
    (entry.status === 0 ? '---' : String(entry.status)).padEnd(4),
    (entry.responseCode ?? '-').padEnd(5),
    `${entry.durationMs.toFixed(1)} ms`.padStart(10),
    entry.merchantKey ?? '-',
    entry.clientTxnId ?? '-',
  ];
  if (entry.replayed) parts.push('replayed');
  if (entry.fault !== null) parts.push(`fault ${entry.fault}`);
  if (entry.failureReason !== null && entry.status >= 400) parts.push(`- ${entry.failureReason}`);
  return parts.join('  ');
}
