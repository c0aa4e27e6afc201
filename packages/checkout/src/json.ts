/**
 * Reading `postservice` responses without losing digits: every JSON number is kept as the text it
 * was written with (lossless-json), so an 18-digit `mihpayid` sent as a number is never rounded
 * through a double. Node 20's `JSON.parse` has no reviver `context.source` to do this natively.
 */
import { parse } from 'lossless-json';

/** A JSON value whose numbers are their source text. */
export type LosslessJson = null | boolean | string | readonly LosslessJson[] | LosslessJsonObject;

/** A JSON object whose numbers are their source text (not `@wallet/crypto`'s `JsonObject`). */
export type LosslessJsonObject = { readonly [key: string]: LosslessJson };

const keepText = (text: string): string => text;

/** `text` parsed, numbers as strings; `undefined` when it is not JSON. */
export function parseLossless(text: string): LosslessJson | undefined {
  try {
    return parse(text, null, keepText) as LosslessJson;
  } catch {
    return undefined;
  }
}

/** Whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: LosslessJson | undefined): value is LosslessJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as a string (a number already is one; `null` and absent are `''`). */
export function scalarText(value: LosslessJson | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return '';
}
