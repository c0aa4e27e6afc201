import type { JsonObject, JsonValue } from '@wallet/crypto';

/** JSON values as the store keeps them: requests and responses are stored as JSON text. */
export type JsonPrimitive = string | number | boolean | null;
/** Any JSON value, and a JSON object (a decrypted request or response): @wallet/crypto's. */
export type { JsonObject, JsonValue };

/**
 * Serializes a JSON value with object keys sorted at every depth, so that two values that differ
 * only in key order give the same text. Array order is kept. Non-finite numbers are rejected.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const keys = Object.keys(value).sort();
  const members: string[] = [];
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
