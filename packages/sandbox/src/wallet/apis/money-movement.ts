/** The answer fields Load and Unload share. */
import { formatRequestDateTime } from '@wallet/schemas';
import type { JsonObject } from '../../store/json.js';
import type { PostedEntry } from '../../store/records.js';

export function movementFields({ entry, wallet }: PostedEntry): JsonObject {
  return {
    urn: wallet.urn,
    transactionAmount: entry.amount,
    availableBalance: wallet.balance,
    accosaTransactionId: entry.accosaTransactionId,
    accosaRefNo: entry.referenceNumber,
    responseDateTime: formatRequestDateTime(entry.createdAt),
  };
}
