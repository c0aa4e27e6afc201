/** The Wibmo Encrypt / Decrypt helper API (wallet-protocol.md section 5). */
import * as z from 'zod';
import { tokenEnvelopeSchema } from './envelope.js';

/** A header the helper API requires, and what its absence answers. */
export interface HelperHeader {
  /** The header name as documented; HTTP header names compare case-insensitively. */
  readonly name: string;
  /** The platform code a missing header answers (HTTP 400), or `undefined` for HTTP 401. */
  readonly missingCode: string | undefined;
}

export interface HelperRoute {
  readonly name: 'encrypt' | 'decrypt';
  readonly title: string;
  readonly path: string;
  readonly methods: readonly ['POST'];
  /** Headers checked in this order; the first missing one decides the response. */
  readonly requiredHeaders: readonly HelperHeader[];
  /** Optional headers and their defaults. */
  readonly optionalHeaders: readonly { readonly name: string; readonly default: string }[];
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/** Any JSON object: the plaintext the helper encrypts, or the plaintext it decrypts to. */
export const plaintextObjectSchema = z.record(z.string(), z.unknown());

const apiKey: HelperHeader = { name: 'x-api-key', missingCode: undefined };

export const helperRoutes: {
  readonly encrypt: HelperRoute;
  readonly decrypt: HelperRoute;
} = {
  encrypt: {
    name: 'encrypt',
    title: 'Encrypt',
    path: '/api/v2/encrypt',
    methods: ['POST'],
    requiredHeaders: [
      apiKey,
      { name: 'clientId', missingCode: '1262' },
      { name: 'bankId', missingCode: '1264' },
      { name: 'X-Consumer-Custom-ID', missingCode: '1310' },
      { name: 'secureCode', missingCode: '1311' },
    ],
    optionalHeaders: [{ name: 'entityId', default: '100' }],
    request: plaintextObjectSchema,
    response: tokenEnvelopeSchema,
  },
  decrypt: {
    name: 'decrypt',
    title: 'Decrypt',
    path: '/api/v2/decrypt',
    methods: ['POST'],
    requiredHeaders: [apiKey],
    optionalHeaders: [],
    request: tokenEnvelopeSchema,
    response: plaintextObjectSchema,
  },
};

/** Wrong values of helper headers: a wrong bank id answers 1031, a wrong secure code 1049. */
export const helperWrongValueCodes = { bankId: '1031', secureCode: '1049' } as const;

/**
 * The first required header of `route` missing from `headers` (names compared case-insensitively),
 * or `undefined` when all are present.
 */
export function missingHelperHeader(
  route: HelperRoute,
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): HelperHeader | undefined {
  const present = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== '') present.add(name.toLowerCase());
  }
  return route.requiredHeaders.find((h) => !present.has(h.name.toLowerCase()));
}
