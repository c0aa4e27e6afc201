/** The parts every request and every response share, and the "one of a group" rule. */
import * as z from 'zod';
import { clientTxnIdSchema, requestDateTimeSchema } from './fields.js';
import { ruleError } from './rules.js';

/** The three fields every decrypted request carries, for the API whose request code is `code`. */
export function requestHeaderShape<const C extends number>(
  code: C,
): {
  messageCode: z.ZodLiteral<C>;
  clientTxnId: typeof clientTxnIdSchema;
  requestDateTime: typeof requestDateTimeSchema;
} {
  return {
    messageCode: z.literal(code, { error: ruleError(`must be ${code} for this API`) }),
    clientTxnId: clientTxnIdSchema,
    requestDateTime: requestDateTimeSchema,
  };
}

/**
 * The two fields every decrypted request carries, with or without a message code. The PG Load APIs
 * carry only these: PayU documents no `messageCode` for them.
 */
export const requestIdentityShape: {
  clientTxnId: typeof clientTxnIdSchema;
  requestDateTime: typeof requestDateTimeSchema;
} = {
  clientTxnId: clientTxnIdSchema,
  requestDateTime: requestDateTimeSchema,
};

/**
 * The fields every decrypted response carries. Responses are read leniently: types only. `messageCode`
 * is absent from the responses of the APIs that have none (PG Load, PG Load Enquiry).
 */
export const responseHeaderShape = {
  responseCode: z.string(),
  messageCode: z.number().optional(),
  clientTxnId: z.string(),
  responseMessage: z.string(),
} as const;

/** The fields every decrypted success response carries, for the API whose response code is `code`. */
export function successHeaderShape<const C extends number>(
  code: C,
): {
  responseCode: z.ZodLiteral<'00'>;
  messageCode: z.ZodLiteral<C>;
  clientTxnId: z.ZodString;
  responseMessage: z.ZodString;
} {
  return {
    responseCode: z.literal('00'),
    messageCode: z.literal(code),
    clientTxnId: z.string(),
    responseMessage: z.string(),
  };
}

/** The fields a decrypted success response without a message code carries (the PG Load APIs). */
export const uncodedSuccessHeaderShape: {
  responseCode: z.ZodLiteral<'00'>;
  clientTxnId: z.ZodString;
  responseMessage: z.ZodString;
} = {
  responseCode: z.literal('00'),
  clientTxnId: z.string(),
  responseMessage: z.string(),
};

/**
 * The rule for a "C" group: at least one of `keys` must be present. The issue is reported on the
 * first key of the group, so the summary line names a field the caller can supply.
 */
export function oneOfRequired<T extends Record<string, unknown>>(
  keys: readonly [string, ...string[]],
): [check: (value: T) => boolean, options: { path: [string]; error: string }] {
  const names =
    keys.length === 2
      ? `${keys[0]} or ${keys[1]}`
      : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
  return [
    (value) => {
      for (const key of keys) if (value[key] !== undefined) return true;
      return false;
    },
    { path: [keys[0]], error: `one of ${names} is required` },
  ];
}
