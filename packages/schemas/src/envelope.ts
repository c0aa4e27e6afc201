/** The bodies that travel on the wire: encrypted envelopes and the plain (unencrypted) responses. */
import * as z from 'zod';
import { ruleError } from './rules.js';

const BASE64_RULE = 'must be standard base64 with padding';

/** Standard base64 with padding, non-empty. */
export const base64Schema: z.ZodString = z
  .string({ error: ruleError(BASE64_RULE) })
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/, {
    error: BASE64_RULE,
  });

/** A wallet request on the wire: `{"token": "<base64>"}`, nothing else. */
export const tokenEnvelopeSchema = z.strictObject({ token: base64Schema });

/** A PayU-style response on the wire: `{"result": "<base64>"}`. */
export const resultEnvelopeSchema = z.looseObject({ result: base64Schema });

/** A response envelope in either spelling; clients accept both (`result` is PayU's, `token` Wibmo's). */
export const responseEnvelopeSchema = z.union([
  resultEnvelopeSchema,
  z.looseObject({ token: base64Schema }),
]);

/** The base64 ciphertext of a response envelope, whichever field carries it. */
export function envelopeCiphertext(envelope: z.output<typeof responseEnvelopeSchema>): string {
  const { result, token } = envelope as { result?: unknown; token?: unknown };
  if (typeof result === 'string') return result;
  return typeof token === 'string' ? token : '';
}

/** The response field name profile: which field a response envelope uses. */
export type ResponseEnvelopeField = 'result' | 'token';

/**
 * A plain JSON failure body (authentication, unreadable envelope 1055, wrong walletIdentifier 1058,
 * server fault 1052, helper API failures). Authentication failures carry no `responseCode`.
 */
export const plainErrorBodySchema = z.looseObject({
  responseCode: z.string().optional(),
  responseMessage: z.string(),
});

/**
 * A decrypted failure response: a platform code other than `00`, with the message code and
 * `clientTxnId` echoed when the request carried them.
 */
export const failureResponseSchema = z.looseObject({
  responseCode: z.string().refine((code) => code !== '00', { error: 'must not be 00' }),
  messageCode: z.number().optional(),
  clientTxnId: z.string().optional(),
  responseMessage: z.string(),
});

export type TokenEnvelope = z.output<typeof tokenEnvelopeSchema>;
export type ResponseEnvelope = z.output<typeof responseEnvelopeSchema>;
export type PlainErrorBody = z.output<typeof plainErrorBodySchema>;
export type FailureResponse = z.output<typeof failureResponseSchema>;
