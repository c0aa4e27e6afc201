/**
 * The seamless (server-to-server) mode of checkout.md section 2: the merchant-hosted fields, hash
 * included, form-urlencoded and sealed with the wallet's envelope into `encdata` (the spec's
 * **profile**: PayU does not document its cipher), posted with `txn_s2s_flow=4`. The response is
 * the payment response of section 4 as JSON, read losslessly and trusted only once its hash
 * verifies. A payment is a debit, so it is sent once, never retried.
 */
import type { Envelope } from '@wallet/crypto';
import { parseCallbackWith } from './callback.js';
import type { ResolvedCheckoutConfig } from './config.js';
import type { Digest } from './digest.js';
import { CheckoutResponseError } from './errors.js';
import { paymentFields, type SeamlessPaymentParams } from './forms.js';
import { isJsonObject, parseLossless } from './json.js';
import { postForm } from './postservice.js';
import type { PaymentResponse } from './response.js';

/** The `txn_s2s_flow` value of the seamless wallet flow. */
export const SEAMLESS_FLOW = '4';

/** The three fields the seamless mode posts. */
export function seamlessForm(
  config: ResolvedCheckoutConfig,
  digest: Digest,
  envelope: Envelope,
  params: SeamlessPaymentParams,
): URLSearchParams {
  const { key, salt, bankcode } = config;
  const fields = paymentFields({ key, salt, bankcode, digest }, params, 'seamless');
  const encdata = envelope.sealText(new URLSearchParams(fields).toString());
  return new URLSearchParams({ key, txn_s2s_flow: SEAMLESS_FLOW, encdata });
}

/** Pays server to server; the verified payment response. */
export async function payServerToServer(
  config: ResolvedCheckoutConfig,
  digest: Digest,
  envelope: Envelope,
  params: SeamlessPaymentParams,
): Promise<PaymentResponse> {
  const form = seamlessForm(config, digest, envelope, params);
  const text = await postForm(config, config.endpoints.payment, form, '_payment', false);
  const body = parseLossless(text);
  if (!isJsonObject(body)) {
    throw new CheckoutResponseError('The seamless payment response is not a JSON object.', text);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
    else if (typeof value === 'boolean') fields[name] = String(value);
  }
  return parseCallbackWith(digest, fields, config.salt, config.key);
}
