/** Statement Inquiry: one page of a wallet's ledger entries in a date range, with balances. */
import { formatDayMonthYear, parseDayMonthYear, STATEMENT_PAGE_DEFAULTS } from '@wallet/schemas';
import type { JsonObject } from '../../store/json.js';
import type { LedgerEntry } from '../../store/records.js';
import { istTime, startOfIstDay, startOfNextIstDay } from '../dates.js';
import type { ApiHandler } from './handler.js';

/** Statements list ledger entries only, and every entry is a successful movement. */
const ENTRY_STATUS = 'SUCCESS';

function statementLine(entry: LedgerEntry): JsonObject {
  return {
    transactionId: entry.accosaTransactionId,
    clientTxnId: entry.clientTxnId,
    transactionDate: formatDayMonthYear(entry.createdAt, '/'),
    transactionTime: istTime(entry.createdAt),
    transactionType: entry.type,
    transactionAmount: entry.amount,
    availableBalance: entry.balanceAfter,
    ...(entry.description === null ? {} : { description: entry.description }),
    status: ENTRY_STATUS,
    referenceNumber: entry.referenceNumber,
  };
}

/**
 * The highest page the store reads (it bounds the SQL offset). A page beyond it would need more
 * than a million entries in one range to hold anything, so it is answered as an empty page.
 */
const MAX_STORE_PAGE = 1_000_000;

export const statement: ApiHandler<'statement'> = async (request, tx, { responses }) => {
  // Both dates passed the schema (real DD/MM/YYYY days), so they parse.
  const from = parseDayMonthYear(request.fromDate, '/') ?? 0;
  const to = parseDayMonthYear(request.toDate, '/') ?? 0;
  const page = request.pageNumber ?? STATEMENT_PAGE_DEFAULTS.pageNumber;
  const count = request.count ?? STATEMENT_PAGE_DEFAULTS.count;
  const beyondStore = page > MAX_STORE_PAGE;
  const found = await tx.statement(request.urn, {
    since: startOfIstDay(from),
    before: startOfNextIstDay(to),
    page: beyondStore ? MAX_STORE_PAGE : page,
    pageSize: count,
  });
  if (found === null) return responses.decline('1040');
  return responses.success({
    urn: found.urn,
    openingBalance: found.openingBalance,
    closingBalance: found.closingBalance,
    availableBalance: found.availableBalance,
    pageNumber: page,
    count,
    // Sandbox extension: entries in the whole range, so a caller knows how many pages there are.
    totalCount: found.totalEntries,
    statementDetails: beyondStore ? [] : found.entries.map(statementLine),
  });
};
