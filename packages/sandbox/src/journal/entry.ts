/** One journal entry: an exchange as the journal keeps it, JSON-ready, personal data masked. */
import type { ExchangeFailure, SandboxExchange } from '../exchange.js';
import type { JsonObject, JsonValue } from '../store/json.js';
import { failureText } from './failure-text.js';
import { maskPersonal } from './mask.js';

/**
 * A request the sandbox answered, as `/__sandbox/requests` and its stream serve it. Names, mobile
 * numbers and email addresses in the bodies are partly hidden; secrets in the headers are hidden.
 */
export interface JournalEntry {
  /** Position in the journal: increases by one per request, never reused. */
  readonly seq: number;
  /** The exchange's id. */
  readonly id: string;
  /** ISO 8601, on the sandbox clock. */
  readonly receivedAt: string;
  readonly durationMs: number;
  readonly method: string;
  readonly path: string;
  readonly api: string | null;
  readonly merchantKey: string | null;
  readonly authProfile: string | null;
  /** The HTTP status of the response; for a dropped or held request, the status it would have had (0 when none was computed). */
  readonly status: number;
  readonly responseCode: string | null;
  readonly clientTxnId: string | null;
  readonly replayed: boolean;
  readonly failure: ExchangeFailure | null;
  /** `failure` in a sentence. */
  readonly failureReason: string | null;
  /** The injected fault, e.g. `drop=after`. */
  readonly fault: string | null;
  /** The decrypted request, masked; `{"truncated": true, "chars": n}` when larger than the bound. */
  readonly request: JsonObject | null;
  /** The decrypted response, masked, bounded like `request`. */
  readonly response: JsonObject | null;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseHeaders: Readonly<Record<string, string>>;
}

/** A body kept in an entry, masked, or a marker when its JSON is longer than `maxChars`. */
function keptBody(body: JsonObject | null | undefined, maxChars: number): JsonObject | null {
  if (body === undefined || body === null) return null;
  const masked = maskPersonal(body);
  const chars = JSON.stringify(masked).length;
  return chars > maxChars ? { truncated: true, chars } : masked;
}

/**
 * An entry as the journal holds it until it is read: a `JournalEntry` whose bodies are the
 * exchange's own, not yet masked or bounded (`bodiesKept: false`), or already masked and bounded
 * (`bodiesKept: true`: bodies too large to hold as they came).
 */
export type PendingEntry = JournalEntry & { readonly bodiesKept: boolean };

/** The fields of an entry up to its bodies; `request` and `response` are set by the callers. */
function entryOf(
  seq: number,
  exchange: SandboxExchange,
  request: JsonObject | null,
  response: JsonObject | null,
): JournalEntry {
  return {
    seq,
    id: exchange.id,
    receivedAt: exchange.receivedAt.toISOString(),
    durationMs: Math.round(exchange.durationMs * 1000) / 1000,
    method: exchange.method,
    path: exchange.path,
    api: exchange.api ?? null,
    merchantKey: exchange.merchantKey ?? null,
    authProfile: exchange.authProfile ?? null,
    status: exchange.status,
    responseCode: exchange.responseCode ?? null,
    clientTxnId: exchange.clientTxnId ?? null,
    replayed: exchange.replayed,
    failure: exchange.failure ?? null,
    failureReason: failureText(exchange.failure) ?? null,
    fault: exchange.fault ?? null,
    request,
    response,
    requestHeaders: exchange.requestHeaders,
    responseHeaders: exchange.responseHeaders,
  };
}

/** Builds the entry of `exchange`. */
export function journalEntry(
  seq: number,
  exchange: SandboxExchange,
  maxBodyChars: number,
): JournalEntry {
  return entryOf(
    seq,
    exchange,
    keptBody(exchange.request, maxBodyChars),
    keptBody(exchange.response, maxBodyChars),
  );
}

/** The entry of `exchange` with its bodies as they are, to be masked when read (`completeEntry`). */
export function pendingEntry(seq: number, exchange: SandboxExchange): PendingEntry {
  const entry = entryOf(seq, exchange, exchange.request ?? null, exchange.response ?? null);
  return { ...entry, bodiesKept: false };
}

/** `journalEntry` with the bodies masked and bounded here. */
export function keptEntry(
  seq: number,
  exchange: SandboxExchange,
  maxBodyChars: number,
): PendingEntry {
  return { ...journalEntry(seq, exchange, maxBodyChars), bodiesKept: true };
}

/** The entry a pending one stands for: what `journalEntry` built from the same exchange. */
export function completeEntry(pending: PendingEntry, maxBodyChars: number): JournalEntry {
  const { bodiesKept, ...entry } = pending;
  if (bodiesKept) return entry;
  return {
    ...entry,
    request: keptBody(entry.request, maxBodyChars),
    response: keptBody(entry.response, maxBodyChars),
  };
}

/** Whether a JSON value is a journal entry's body placeholder for a body too large to keep. */
export function isTruncatedBody(value: JsonValue | null): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    value.truncated === true &&
    typeof value.chars === 'number'
  );
}
