/** Check Status: the stored decrypted answer of an earlier call of the same merchant. */
import { parseIsoDate, todayKey } from '@wallet/schemas';
import type { ApiHandler } from './handler.js';

export const checkStatus: ApiHandler<'checkStatus'> = async (request, tx, { answers }) => {
  const stored = await tx.getOutcome(request.verifyclientTxnId);
  if (stored === null) return answers.decline('29201');
  // With dates, the call must have been answered within them (IST calendar days, inclusive).
  const answeredOn = todayKey(stored.createdAt);
  const from = request.fromDate === undefined ? undefined : parseIsoDate(request.fromDate);
  const to = request.toDate === undefined ? undefined : parseIsoDate(request.toDate);
  if ((from !== undefined && answeredOn < from) || (to !== undefined && answeredOn > to)) {
    return answers.decline('29201');
  }
  return answers.success({ responseDump: [stored.response] });
};
