/** Opening a wallet request's `{"token": ...}` body into its decrypted JSON object. */
import { type Envelope, EnvelopeError, parseJsonObject } from '@wallet/crypto';
import { tokenEnvelopeSchema } from '@wallet/schemas';
import { textNestsDeeperThan, valueNestsDeeperThan } from '../http/json-depth.js';
import type { JsonObject } from '../store/json.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's text, or undefined when it is not valid UTF-8. */
export function bodyText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The JSON object `text` holds, read by the envelope plaintext's own strict rules (duplicate keys,
 * `__proto__` and anything but an object at the top are refused, so `{"token":"x","token":"y"}`
 * is unreadable rather than its last key), or undefined when it breaks them or nests deeper than
 * `maxDepth`.
 */
export function parseBoundedJson(text: string, maxDepth: number): JsonObject | undefined {
  if (textNestsDeeperThan(text, maxDepth)) return undefined;
  return parseJsonObject(text);
}

/**
 * The decrypted request a wire body holds, or undefined for every kind of unreadable body: not
 * UTF-8, not strict JSON (above), not exactly `{"token": "<base64>"}`, a token `envelope` cannot
 * open, or a plaintext nesting deeper than `maxDepth`. Callers answer all of these alike (1055).
 */
export function openRequestEnvelope(
  bytes: Uint8Array,
  envelope: Envelope,
  maxDepth: number,
): JsonObject | undefined {
  const text = bodyText(bytes);
  if (text === undefined) return undefined;
  const wire = tokenEnvelopeSchema.safeParse(parseBoundedJson(text, maxDepth));
  if (!wire.success) return undefined;
  let value: unknown;
  try {
    value = envelope.open(wire.data.token);
  } catch (error) {
    if (error instanceof EnvelopeError) return undefined;
    throw error;
  }
  if (valueNestsDeeperThan(value, maxDepth)) return undefined;
  return value as JsonObject;
}
