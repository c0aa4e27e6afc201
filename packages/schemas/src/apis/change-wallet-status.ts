/** Change Wallet Status: `PATCH|POST /loyalty-points/v1/wallet/onboarding/walletStatus`, 3530 → 3531. */
import * as z from 'zod';
import { requestHeaderShape, successHeaderShape } from '../common.js';
import { textSchema } from '../fields.js';
import { walletStatusTypeSchema } from '../wallet-status.js';

const changeStatusShape = {
  accountNumber: textSchema(1, 30),
  statusType: walletStatusTypeSchema,
  reason: textSchema(1, 100).optional(),
  reserved1: textSchema(1, 100).optional(),
  remarks: textSchema(1, 255).optional(),
  reserved2: textSchema(1, 255).optional(),
};

/** `reserved1` is another name for `reason` and `reserved2` for `remarks`: give one of each pair. */
function aliasesExclusive(value: {
  reason?: string | undefined;
  reserved1?: string | undefined;
  remarks?: string | undefined;
  reserved2?: string | undefined;
}): boolean {
  return !(
    (value.reason !== undefined && value.reserved1 !== undefined) ||
    (value.remarks !== undefined && value.reserved2 !== undefined)
  );
}
const aliasRule = {
  path: ['reserved1'],
  error: 'must not be given together with its other name (reason/reserved1, remarks/reserved2)',
};

/** What a caller gives to change a wallet's status. */
export const changeWalletStatusParamsSchema = z
  .strictObject(changeStatusShape)
  .refine(aliasesExclusive, aliasRule);

/** The decrypted Change Wallet Status request. */
export const changeWalletStatusRequestSchema = z
  .strictObject({ ...requestHeaderShape(3530), ...changeStatusShape })
  .refine(aliasesExclusive, aliasRule);

/** The decrypted Change Wallet Status success response. */
export const changeWalletStatusResponseSchema = z.looseObject({
  ...successHeaderShape(3531),
  accountNumber: z.string(),
  statusType: z.string(),
});

/** The reason of a request, under either of its names. */
export function statusChangeReason(request: {
  reason?: string | undefined;
  reserved1?: string | undefined;
}): string | undefined {
  return request.reason ?? request.reserved1;
}

/** The remarks of a request, under either of its names. */
export function statusChangeRemarks(request: {
  remarks?: string | undefined;
  reserved2?: string | undefined;
}): string | undefined {
  return request.remarks ?? request.reserved2;
}

export type ChangeWalletStatusParams = z.input<typeof changeWalletStatusParamsSchema>;
export type ChangeWalletStatusRequest = z.output<typeof changeWalletStatusRequestSchema>;
export type ChangeWalletStatusResponse = z.output<typeof changeWalletStatusResponseSchema>;
