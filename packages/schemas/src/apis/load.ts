/** Load (credit): `PATCH /loyalty-points/v1/wallet/load-account`, 1080 → 1081. */
import * as z from 'zod';
import { oneOfRequired, requestHeaderShape } from '../common.js';
import {
  amountPaiseSchema,
  clientTxnIdSchema,
  customerIdSchema,
  fundFlowTypeSchema,
  mobileSchema,
  textSchema,
  transactionAmountSchema,
  urnSchema,
} from '../fields.js';
import { ruleError } from '../rules.js';
import { moneyMovementResponseSchema } from './money-movement.js';

/** The wallet a credit or debit applies to: at least one of these. */
export const walletReferenceShape = {
  customerMobile: mobileSchema.optional(),
  customerId: customerIdSchema.optional(),
  urn: urnSchema.optional(),
};
export const walletReferenceRequired = oneOfRequired(['customerMobile', 'customerId', 'urn']);

const loadShape = {
  ...walletReferenceShape,
  transactionAmount: transactionAmountSchema,
  sender: textSchema(1, 100),
  loadCurrency: z.literal('INR', { error: ruleError('must be INR') }).optional(),
  fundFlowType: fundFlowTypeSchema,
  implId: textSchema(1, 100),
  implType: textSchema(1, 100),
  sourceType: z
    .literal([0, 1], { error: ruleError('must be 0 (wallet) or 1 (account)') })
    .optional(),
  fee: amountPaiseSchema.optional(),
  originalClientTxnId: clientTxnIdSchema.optional(),
};

/** What a caller gives to credit a wallet. `originalClientTxnId` marks a refund of a debit. */
export const loadParamsSchema = z.strictObject(loadShape).refine(...walletReferenceRequired);

/** The decrypted Load request. */
export const loadRequestSchema = z
  .strictObject({ ...requestHeaderShape(1080), ...loadShape })
  .refine(...walletReferenceRequired);

/** The decrypted Load success response. */
export const loadResponseSchema = moneyMovementResponseSchema(1081);

export type LoadParams = z.input<typeof loadParamsSchema>;
export type LoadRequest = z.output<typeof loadRequestSchema>;
export type LoadResponse = z.output<typeof loadResponseSchema>;
