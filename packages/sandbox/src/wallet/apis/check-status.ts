/** Check Status: the stored decrypted response of an earlier call of the same merchant. */
import { parseIsoDate, todayKey } from '@wallet/schemas';
import type { ApiHandler } from './handler.js';

export const checkStatus: ApiHandler<'checkStatus'> = async (request, tx, { responses }) => {
  const stored = await tx.getOutcome(request.verifyclientTxnId);
  if (stored === null) return responses.decline('29201');
  // With dates, the call must have been answered within them (IST calendar days, inclusive).
  const respondedOn = todayKey(stored.createdAt);
  const from = request.fromDate === undefined ? undefined : parseIsoDate(request.fromDate);
  const to = request.toDate === undefined ? undefined : parseIsoDate(request.toDate);
  if ((from !== undefined && respondedOn < from) || (to !== undefined && respondedOn > to)) {
    return responses.decline('29201');
  }
  return responses.success({ responseDump: [stored.response] });
};
