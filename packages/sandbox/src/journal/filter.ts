/**
 * Journal filters: what `/__sandbox/requests`, its stream and the dashboard accept as query
 * parameters (`api`, `status`, `clientTxnId`, `merchant`, `limit`), checked with zod.
 */
import * as z from 'zod';
import type { JournalEntry } from './entry.js';

/** The most entries one query returns. */
export const MAX_QUERY_LIMIT = 1000;
/** Entries a query returns when it sets no limit. */
export const DEFAULT_QUERY_LIMIT = 100;

/** Which entries to return. Every given field must match. */
export interface JournalFilter {
  /** The API name (`load`, `registerCustomer`, `encrypt`, ...). */
  readonly api?: string | undefined;
  /** An HTTP status (`401`) or a class (`4xx`, `5xx`). */
  readonly status?: string | undefined;
  readonly clientTxnId?: string | undefined;
  readonly merchantKey?: string | undefined;
}

const STATUS = /^(?:[1-5]\d\d|[1-5]xx)$/;

const querySchema = z.strictObject({
  api: z.string().min(1).max(100).optional(),
  status: z
    .string()
    .regex(STATUS, { error: 'must be an HTTP status (401) or a class (4xx)' })
    .optional(),
  clientTxnId: z.string().min(1).max(100).optional(),
  merchant: z.string().min(1).max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: `must be a whole number from 1 to ${MAX_QUERY_LIMIT}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_QUERY_LIMIT, {
      error: `must be a whole number from 1 to ${MAX_QUERY_LIMIT}`,
    })
    .optional(),
});

/** A query string that the journal cannot use: `field` names the parameter. */
export interface FilterProblem {
  readonly field: string;
  readonly message: string;
}

export type ParsedQuery =
  | { readonly ok: true; readonly filter: JournalFilter; readonly limit: number }
  | { readonly ok: false; readonly problem: FilterProblem };

/** Reads a filter from query parameters; empty values are ignored. */
export function parseJournalQuery(params: URLSearchParams): ParsedQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '') raw[key] = value;
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      return {
        ok: false,
        problem: { field: issue.keys[0] ?? '', message: 'is not a journal filter' },
      };
    }
    return {
      ok: false,
      problem: { field: String(issue?.path[0] ?? ''), message: issue?.message ?? 'is invalid' },
    };
  }
  const { api, status, clientTxnId, merchant, limit } = parsed.data;
  return {
    ok: true,
    filter: { api, status, clientTxnId, merchantKey: merchant },
    limit: limit ?? DEFAULT_QUERY_LIMIT,
  };
}

/** The fields of an entry that filters read. */
export type FilteredFields = Pick<JournalEntry, 'api' | 'clientTxnId' | 'merchantKey' | 'status'>;

/** Whether `entry` passes `filter`. */
export function matchesFilter(entry: FilteredFields, filter: JournalFilter): boolean {
  if (filter.api !== undefined && entry.api !== filter.api) return false;
  if (filter.clientTxnId !== undefined && entry.clientTxnId !== filter.clientTxnId) return false;
  if (filter.merchantKey !== undefined && entry.merchantKey !== filter.merchantKey) return false;
  if (filter.status !== undefined) {
    const status = String(entry.status);
    if (filter.status.endsWith('xx')) {
      if (status[0] !== filter.status[0] || status.length !== 3) return false;
    } else if (status !== filter.status) return false;
  }
  return true;
}

/** The query string of a filter (for links and the stream URL), without a leading `?`. */
export function filterQuery(filter: JournalFilter): string {
  const params = new URLSearchParams();
  if (filter.api !== undefined) params.set('api', filter.api);
  if (filter.status !== undefined) params.set('status', filter.status);
  if (filter.clientTxnId !== undefined) params.set('clientTxnId', filter.clientTxnId);
  if (filter.merchantKey !== undefined) params.set('merchant', filter.merchantKey);
  return params.toString();
}
