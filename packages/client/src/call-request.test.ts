/**
 * The client builds a request with one parse of the API's `params` schema. These properties prove
 * it sends exactly what `buildRequest` and `validateRequest` of `@wallet/schemas` (two parses)
 * would, and refuses exactly what they refuse, naming the same field with the same message, for
 * requests mutated from every API's example.
 */
import { generateKey } from '@wallet/crypto';
import {
  type ApiName,
  buildRequest,
  examples,
  type ParamsOf,
  routes,
  validateRequest,
} from '@wallet/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWalletRequest } from './call.js';
import type { WalletCallOptions } from './call-options.js';
import { internalsOf } from './core-internals.js';
import { createWalletCore } from './index.js';

const NOW = new Date('2024-04-09T10:00:00Z');
const internals = internalsOf(
  createWalletCore({
    baseUrl: 'test',
    merchantKey: 'merchant-1',
    merchantSalt: 'salt-1',
    encryptionKey: generateKey(),
    now: () => NOW,
  }),
);

const COMMON_FIELDS = new Set(['messageCode', 'clientTxnId', 'requestDateTime']);
const apiNames = Object.keys(routes) as ApiName[];

/**
 * An API's example request without the three common fields: valid parameters. The clientTxnId of
 * an API that asks about an earlier call (PG Load Enquiry) is one of its parameters.
 */
function exampleParams(name: ApiName): Record<string, unknown> {
  const enquired = routes[name].clientTxnId === 'enquired';
  return Object.fromEntries(
    Object.entries(examples[name].request).filter(
      ([key]) => !COMMON_FIELDS.has(key) || (enquired && key === 'clientTxnId'),
    ),
  );
}

type Outcome =
  | { readonly sent: string }
  | { readonly refused: string | undefined; readonly message: string };

function outcome(build: () => object): Outcome {
  try {
    return { sent: JSON.stringify(build()) };
  } catch (error) {
    const { field, issues, message } = error as {
      field?: string;
      issues?: readonly { path: string }[];
      message: string;
    };
    return { refused: field ?? issues?.[0]?.path, message };
  }
}

/** What the client sent before: `buildRequest`, and `validateRequest` for a given date string. */
function twoParses(name: ApiName, params: unknown, options: WalletCallOptions, txn: string) {
  const { requestDateTime } = options;
  const built = buildRequest(name, params as ParamsOf<typeof name>, {
    clientTxnId: txn,
    date: requestDateTime instanceof Date ? requestDateTime : NOW,
  });
  if (typeof requestDateTime !== 'string') return built;
  const checked = validateRequest(name, { ...built, requestDateTime });
  if (checked.ok) return checked.value;
  throw Object.assign(new Error(`${routes[name].title} request: ${checked.summary}`), {
    issues: checked.issues,
  });
}

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '917001122334', '10000000005', 'INR', 'I', 'O', '01/04/2024', 0, -1, 1e21),
);

/** Parameters mutated from `base`: a field removed, replaced, added, or one level down. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  const anyKey = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }));
  return fc.oneof(
    fc.constant(base),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _removed, ...rest } = base;
      return rest;
    }),
    fc.tuple(anyKey, jsonValue).map(([key, value]) => ({ ...base, [key]: value })),
    fc.tuple(fc.constantFrom(...keys), anyKey, jsonValue).map(([key, inner, value]) => {
      const nested = base[key];
      if (typeof nested !== 'object' || nested === null) return { ...base, [key]: value };
      return { ...base, [key]: { ...nested, [inner]: value } };
    }),
  );
}

const callOptions: fc.Arbitrary<{ options: WalletCallOptions; txn: string }> = fc
  .record({
    txn: fc.oneof(
      fc.constant('0123456789abcdef0123456789abcdef'),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
      fc.string({ maxLength: 110 }),
    ),
    given: fc.boolean(),
    requestDateTime: fc.option(
      fc.oneof(
        fc.stringMatching(/^\d{14}$/),
        fc.string({ maxLength: 16 }),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        // Years the 14 digits cannot print.
        fc.constantFrom(new Date('+010000-01-01T00:00:00Z'), new Date('-000001-06-01T00:00:00Z')),
      ),
      { nil: undefined },
    ),
  })
  .map(({ txn, given, requestDateTime }) => {
    const options: { clientTxnId?: string; requestDateTime?: string | Date } = {};
    if (given) options.clientTxnId = txn;
    if (requestDateTime !== undefined) options.requestDateTime = requestDateTime;
    // A generated clientTxnId is valid by construction.
    return { options, txn: given ? txn : '0123456789abcdef0123456789abcdef' };
  });

/** The options pgLoadEnquiry() passes: the params' clientTxnId as the call's own. */
function enquiryOptions(
  params: Record<string, unknown>,
  given: { options: WalletCallOptions; txn: string },
): { options: WalletCallOptions; txn: string } {
  const asked = params.clientTxnId;
  if (asked === undefined) {
    const { clientTxnId: _replaced, ...options } = given.options;
    return { options, txn: '0123456789abcdef0123456789abcdef' };
  }
  return {
    options: { ...given.options, clientTxnId: asked as string },
    txn: asked as string,
  };
}

describe('the request the client builds', () => {
  for (const name of apiNames) {
    it(`is the one @wallet/schemas builds, or refused the same way: ${name}`, () => {
      fc.assert(
        fc.property(mutated(exampleParams(name)), callOptions, (params, given) => {
          // An enquiry sends the clientTxnId it asks about as its own, as pgLoadEnquiry() does.
          const { options, txn } =
            routes[name].clientTxnId === 'enquired' ? enquiryOptions(params, given) : given;
          const expected = outcome(() => twoParses(name, params, options, txn));
          const actual = outcome(() =>
            buildWalletRequest(internals, name, params as ParamsOf<typeof name>, options, txn),
          );
          expect(actual).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuses an invalid Date as requestDateTime, naming the field', () => {
    const params = exampleParams('registerCustomer') as ParamsOf<'registerCustomer'>;
    const txn = '0123456789abcdef0123456789abcdef';
    const refused = outcome(() =>
      buildWalletRequest(
        internals,
        'registerCustomer',
        params,
        { requestDateTime: new Date(Number.NaN) },
        txn,
      ),
    );
    expect(refused).toMatchObject({ refused: 'requestDateTime' });
  });

  it('sends the example requests unchanged', () => {
    for (const name of apiNames) {
      const { clientTxnId, requestDateTime } = examples[name].request as {
        clientTxnId: string;
        requestDateTime: string;
      };
      const built = buildWalletRequest(
        internals,
        name,
        exampleParams(name) as ParamsOf<typeof name>,
        { clientTxnId, requestDateTime },
        clientTxnId,
      );
      expect(built).toEqual(routes[name].request.parse(examples[name].request));
    }
  });
});
