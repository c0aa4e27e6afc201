/** Unload (debit): `PATCH /loyalty-points/v1/wallet/debit-account`, 1480 → 1481. */
import * as z from 'zod';
import { requestHeaderShape } from '../common.js';
import {
  amountPaiseSchema,
  fundFlowTypeSchema,
  textSchema,
  transactionAmountSchema,
} from '../fields.js';
import { walletReferenceRequired, walletReferenceShape } from './load.js';
import { moneyMovementResponseSchema } from './money-movement.js';

const unloadShape = {
  ...walletReferenceShape,
  transactionAmount: transactionAmountSchema,
  receiver: textSchema(1, 100),
  fundFlowType: fundFlowTypeSchema,
  implId: textSchema(1, 100),
  implType: textSchema(1, 100),
  fee: amountPaiseSchema.optional(),
};

/** What a caller gives to debit a wallet. */
export const unloadParamsSchema = z.strictObject(unloadShape).refine(...walletReferenceRequired);

/** The decrypted Unload request. */
export const unloadRequestSchema = z
  .strictObject({ ...requestHeaderShape(1480), ...unloadShape })
  .refine(...walletReferenceRequired);

/** The decrypted Unload success response. */
export const unloadResponseSchema = moneyMovementResponseSchema(1481);

export type UnloadParams = z.input<typeof unloadParamsSchema>;
export type UnloadRequest = z.output<typeof unloadRequestSchema>;
export type UnloadResponse = z.output<typeof unloadResponseSchema>;
