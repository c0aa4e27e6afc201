/**
 * The request journal: the last N exchanges, newest first, in a ring that also bounds the memory
 * the kept bodies hold, so a sandbox that runs for days keeps a fixed footprint. Queries filter it;
 * subscribers get each new entry as it is recorded (the SSE stream, the dashboard).
 */
import type { SandboxExchange } from '../exchange.js';
import {
  completeEntry,
  type JournalEntry,
  journalEntry,
  keptEntry,
  type PendingEntry,
  pendingEntry,
} from './entry.js';
import { type FilteredFields, type JournalFilter, matchesFilter } from './filter.js';

/** Sizes of the journal. */
export interface JournalOptions {
  /** Entries kept; the oldest is dropped first. Default 10,000. */
  readonly size?: number | undefined;
  /** Characters of JSON the kept entries may hold in all (about bytes of memory). Default 32 Mi. */
  readonly maxChars?: number | undefined;
  /** Largest body kept in an entry, in characters of JSON; larger ones are replaced by a marker. Default 16 Ki. */
  readonly maxBodyChars?: number | undefined;
}

export const DEFAULT_JOURNAL_SIZE = 10_000;
export const DEFAULT_JOURNAL_MAX_CHARS = 32 * 1024 * 1024;
export const DEFAULT_JOURNAL_MAX_BODY_CHARS = 16 * 1024;

/** A subscriber to new entries. */
export interface JournalSubscriber {
  /** Called with every new entry that passes the subscriber's filter. */
  readonly onEntry: (entry: JournalEntry) => void;
  /** Called once when the journal closes (the sandbox is closing). */
  readonly onClose?: (() => void) | undefined;
}

/**
 * Bodies are held as the exchange had them, and masked and bounded when the entry is read, while
 * the entry's JSON is at most this many times `maxBodyChars`; a larger one is masked and bounded
 * when recorded, so that no entry holds much more than the bound allows.
 */
const PENDING_BODY_FACTOR = 4;

/**
 * A kept entry: the fields filters and lookups read, and the whole entry (`PendingEntry`) as one
 * JSON string. A string is a single leaf for the garbage collector, where the entry's objects
 * (bodies, headers) were dozens, and marking a full journal of them took a share of a busy
 * server's time (the README's server benchmark). Entries are parsed back, and their bodies masked,
 * only when read, which is rare next to recording.
 */
interface Slot {
  readonly seq: number;
  readonly id: string;
  readonly filtered: FilteredFields;
  readonly json: string;
}

interface Subscription {
  readonly filter: JournalFilter;
  readonly subscriber: JournalSubscriber;
}

/** The request journal of a sandbox (`sandbox.journal`). */
export class RequestJournal {
  readonly size: number;
  readonly #maxChars: number;
  readonly #maxBodyChars: number;
  readonly #slots: (Slot | undefined)[];
  /** Index of the oldest kept entry. */
  #start = 0;
  #count = 0;
  #chars = 0;
  #nextSeq = 1;
  #closed = false;
  readonly #subscriptions = new Set<Subscription>();

  constructor(options: JournalOptions = {}) {
    this.size = options.size ?? DEFAULT_JOURNAL_SIZE;
    this.#maxChars = options.maxChars ?? DEFAULT_JOURNAL_MAX_CHARS;
    this.#maxBodyChars = options.maxBodyChars ?? DEFAULT_JOURNAL_MAX_BODY_CHARS;
    this.#slots = new Array<Slot | undefined>(this.size);
  }

  /** Entries currently kept. */
  get count(): number {
    return this.#count;
  }

  /** The `seq` the next entry gets. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /**
   * Records an exchange and hands its entry to matching subscribers. Its bodies are masked when
   * the entry is read (`list`, `since`, `get`) or handed to a subscriber, not here.
   */
  record(exchange: SandboxExchange): void {
    const seq = this.#nextSeq;
    this.#nextSeq += 1;
    const slot = this.#slot(seq, exchange);
    const chars = slot.json.length;
    if (this.#count === this.size) this.#dropOldest();
    while (this.#count > 0 && this.#chars + chars > this.#maxChars) this.#dropOldest();
    this.#slots[(this.#start + this.#count) % this.size] = slot;
    this.#count += 1;
    this.#chars += chars;
    if (this.#subscriptions.size === 0) return;
    const entry = journalEntry(seq, exchange, this.#maxBodyChars);
    for (const { filter, subscriber } of this.#subscriptions) {
      if (!matchesFilter(entry, filter)) continue;
      try {
        subscriber.onEntry(entry);
      } catch {
        // A subscriber's failure is its own; the journal and the other subscribers go on.
      }
    }
  }

  #slot(seq: number, exchange: SandboxExchange): Slot {
    const filtered: FilteredFields = {
      api: exchange.api ?? null,
      clientTxnId: exchange.clientTxnId ?? null,
      merchantKey: exchange.merchantKey ?? null,
      status: exchange.status,
    };
    let json = JSON.stringify(pendingEntry(seq, exchange));
    if (json.length > PENDING_BODY_FACTOR * this.#maxBodyChars) {
      json = JSON.stringify(keptEntry(seq, exchange, this.#maxBodyChars));
    }
    return { seq, id: exchange.id, filtered, json };
  }

  #unpack(slot: Slot): JournalEntry {
    return completeEntry(JSON.parse(slot.json) as PendingEntry, this.#maxBodyChars);
  }

  #dropOldest(): void {
    const slot = this.#slots[this.#start];
    this.#slots[this.#start] = undefined;
    this.#start = (this.#start + 1) % this.size;
    this.#count -= 1;
    this.#chars -= slot?.json.length ?? 0;
  }

  /** Kept entries passing `filter`, newest first, at most `limit`. */
  list(filter: JournalFilter = {}, limit: number = this.size): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.#count - 1; i >= 0 && out.length < limit; i -= 1) {
      const slot = this.#slots[(this.#start + i) % this.size];
      if (slot !== undefined && matchesFilter(slot.filtered, filter)) out.push(this.#unpack(slot));
    }
    return out;
  }

  /** Kept entries with `seq` above `afterSeq` passing `filter`, oldest first (stream resumption). */
  since(afterSeq: number, filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.#count; i += 1) {
      const slot = this.#slots[(this.#start + i) % this.size];
      if (slot !== undefined && slot.seq > afterSeq && matchesFilter(slot.filtered, filter)) {
        out.push(this.#unpack(slot));
      }
    }
    return out;
  }

  /** The kept entry with this `id` (or `seq`, given as digits). */
  get(idOrSeq: string): JournalEntry | undefined {
    const seq = /^\d{1,15}$/.test(idOrSeq) ? Number(idOrSeq) : undefined;
    for (let i = this.#count - 1; i >= 0; i -= 1) {
      const slot = this.#slots[(this.#start + i) % this.size];
      if (slot === undefined) continue;
      if (slot.id === idOrSeq || slot.seq === seq) return this.#unpack(slot);
    }
    return undefined;
  }

  /** Forgets every kept entry (sequence numbers keep increasing). */
  clear(): void {
    this.#slots.fill(undefined);
    this.#start = 0;
    this.#count = 0;
    this.#chars = 0;
  }

  /** Calls `subscriber` with every new entry passing `filter` until the returned function is called. */
  subscribe(filter: JournalFilter, subscriber: JournalSubscriber): () => void {
    const subscription: Subscription = { filter, subscriber };
    if (this.#closed) {
      subscriber.onClose?.();
      return () => undefined;
    }
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
    };
  }

  /** Ends every subscription (their `onClose` runs); later subscriptions end at once. */
  close(): void {
    this.#closed = true;
    const subscriptions = [...this.#subscriptions];
    this.#subscriptions.clear();
    for (const { subscriber } of subscriptions) {
      try {
        subscriber.onClose?.();
      } catch {
        // Closing goes on for the others.
      }
    }
  }
}
