/**
 * Walking a statement page by page, with `for await`:
 *
 *   for await (const page of statementPages(core, { urn, fromDate, toDate })) { ... }
 *   for await (const entry of statementEntries(core, { urn, fromDate, toDate })) { ... }
 *
 * Each page is its own Statement Inquiry call with a fresh clientTxnId. The walk stops after a
 * page that holds fewer entries than the page size the platform reports (`count`), or none.
 */
import type { ParamsOf, ResponseOf } from '@wallet/schemas';
import { statement } from './apis.js';
import type { WalletCallOptions } from './call-options.js';
import type { WalletCore } from './core-internals.js';

/** Options of a walk: those of a call, without a clientTxnId (every page needs its own). */
export type StatementWalkOptions = Omit<WalletCallOptions, 'clientTxnId'>;

/** One page of a statement. */
export type StatementPage = ResponseOf<'statement'>;

/** One ledger entry of a statement. */
export type StatementEntryOf = StatementPage['statementDetails'][number];

/**
 * The pages of a statement, from `params.pageNumber` (default 1) until the last one. Stop early
 * with `break`; an error ends the walk.
 */
export async function* statementPages(
  core: WalletCore,
  params: ParamsOf<'statement'>,
  options: StatementWalkOptions = {},
): AsyncGenerator<StatementPage, void, undefined> {
  // A clientTxnId slipped in despite the type would make every page after the first a duplicate.
  const { clientTxnId: _ignored, ...callOptions } = options as WalletCallOptions;
  let pageNumber = params.pageNumber ?? 1;
  for (;;) {
    const page = await statement(core, { ...params, pageNumber }, callOptions);
    yield page;
    const entries = page.statementDetails.length;
    if (entries === 0 || entries < page.count) return;
    pageNumber += 1;
  }
}

/** The ledger entries of a statement, in time order, across every page. */
export async function* statementEntries(
  core: WalletCore,
  params: ParamsOf<'statement'>,
  options: StatementWalkOptions = {},
): AsyncGenerator<StatementEntryOf, void, undefined> {
  for await (const page of statementPages(core, params, options)) yield* page.statementDetails;
}
