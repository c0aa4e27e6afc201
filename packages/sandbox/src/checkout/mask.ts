/**
 * Personal data in the gateway's forms and answers, hidden before they reach the journal, the
 * dashboard or the `onExchange` hook: names, phone numbers, e-mail addresses, and the mobile
 * number `check_balance` carries inside its JSON `var1`. The wallet APIs' masking does the hiding.
 */
import { maskValue, type PersonalKind } from '../journal/mask.js';
import type { JsonObject, JsonValue } from '../store/json.js';

const GATEWAY_FIELDS: ReadonlyMap<string, PersonalKind> = new Map([
  ['firstname', 'name'],
  ['lastname', 'name'],
  ['cardName', 'name'],
  ['phone', 'mobile'],
  ['mobile', 'mobile'],
  ['email', 'email'],
]);

/** Runs of 10 to 15 digits: mobile numbers inside a text such as `var1`. */
const DIGIT_RUN = /\d{10,15}/g;

function maskAny(key: string, value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((item) => maskAny(key, item));
  if (value !== null && typeof value === 'object') return maskGatewayFields(value);
  const kind = GATEWAY_FIELDS.get(key);
  if (kind !== undefined) return maskValue(kind, value);
  if (key === 'var1' && typeof value === 'string' && value.startsWith('{')) {
    return value.replace(DIGIT_RUN, (digits) => String(maskValue('mobile', digits)));
  }
  return value;
}

/** A copy of a gateway form or answer with its personal fields partly hidden, at any depth. */
export function maskGatewayFields(body: Readonly<Record<string, JsonValue>>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) out[key] = maskAny(key, value);
  return out;
}
