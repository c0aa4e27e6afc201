/**
 * Magic values: request contents that force an outcome, so a test can reach the unhappy paths with
 * nothing but the data it sends. They act around the store's `transact` (`transactWithMagic`),
 * that is after the request authenticated, decrypted and passed its schema, exactly where a real
 * platform would decline or fail.
 */
import { isApiName, routes } from '@wallet/schemas';
import { isJsonObject, type JsonObject } from '../store/json.js';
import type { Outcome, TransactRequest, TransactResult } from '../store/records.js';
import type { Store, TransactWork } from '../store/store-api.js';
import { Responses } from '../wallet/outcomes.js';
import { hold } from './hold.js';
import type { FaultScope } from './scope.js';

/** What a magic value does. */
export type MagicEffect = 'decline-1030' | 'server-fault' | 'drop-after' | 'timeout-before';

/** One magic value, as the README's table lists it. */
export interface MagicValue {
  /** The label recorded as the exchange's fault, e.g. `magic=load-99999`. */
  readonly label: string;
  readonly apis: readonly string[];
  /** The field, dotted. */
  readonly field: string;
  /** The value, in words. */
  readonly value: string;
  readonly effect: MagicEffect;
  /** What the client sees. */
  readonly outcome: string;
  readonly matches: (request: JsonObject) => boolean;
}

const MONEY_APIS = ['load', 'unload'] as const;

/**
 * The start of the mobile numbers a registration is declined for. No Indian mobile number starts
 * with 5 (like the 555 numbers of American films), so real or sequentially generated test numbers
 * (`91` + 6 to 9 + ...) never hit it by chance, as they would any suffix.
 */
const DECLINED_MOBILE_PREFIX = '91555';

function amountIs(amount: number): (request: JsonObject) => boolean {
  return (request) => request.transactionAmount === amount;
}

/** The magic values, in the order they are checked. */
export const MAGIC_VALUES: readonly MagicValue[] = [
  {
    label: 'magic=register-mobile-91555',
    apis: ['registerCustomer'],
    field: 'customerDetails.mobileNumber',
    value: `starts with ${DECLINED_MOBILE_PREFIX}`,
    effect: 'decline-1030',
    outcome:
      '1030 CUSTOMER ALREADY EXISTS (HTTP 409), stored and replayed like any decline; no customer is created',
    matches: (request) => {
      const details = request.customerDetails;
      return (
        isJsonObject(details) &&
        typeof details.mobileNumber === 'string' &&
        details.mobileNumber.startsWith(DECLINED_MOBILE_PREFIX)
      );
    },
  },
  {
    label: 'magic=amount-99999',
    apis: MONEY_APIS,
    field: 'transactionAmount',
    value: '99999',
    effect: 'server-fault',
    outcome:
      '1052 SYSTEM ERROR (HTTP 500, plain) on every attempt; nothing moves, nothing is stored',
    matches: amountIs(99_999),
  },
  {
    label: 'magic=amount-99998',
    apis: MONEY_APIS,
    field: 'transactionAmount',
    value: '99998',
    effect: 'drop-after',
    outcome:
      'the money moves and the response is stored, then the connection is dropped; the retry with the same clientTxnId replays it (Idempotent-Replayed: true)',
    matches: amountIs(99_998),
  },
  {
    label: 'magic=amount-99997',
    apis: MONEY_APIS,
    field: 'transactionAmount',
    value: '99997',
    effect: 'timeout-before',
    outcome:
      'no response until the client gives up (its timeout); nothing moves, nothing is stored',
    matches: amountIs(99_997),
  },
];

/** The magic value a decrypted request of `api` carries, if any. */
export function magicValueOf(api: string, request: JsonObject): MagicValue | undefined {
  return MAGIC_VALUES.find((magic) => magic.apis.includes(api) && magic.matches(request));
}

/** Thrown inside the engine to answer 1052: the app's error handler turns it into the plain 1052. */
export class MagicServerFault extends Error {
  readonly code = 'MAGIC_SERVER_FAULT';

  constructor() {
    super('magic value: server fault');
    this.name = 'MagicServerFault';
  }
}

function declineOutcome(api: string, clientTxnId: string): Outcome {
  if (!isApiName(api)) throw new TypeError('a magic decline needs a wallet API');
  return new Responses(routes[api], clientTxnId).decline('1030');
}

/**
 * `store.transact(request, work)` with the magic value of `request`, if it carries one, acting
 * around it. `scope` is the request's fault scope: where the labels of applied magic go, the
 * signal a hold waits on, and the flag that drops the connection after the response.
 */
export async function transactWithMagic(
  store: Store,
  scope: FaultScope | undefined,
  request: TransactRequest,
  work: TransactWork,
): Promise<TransactResult> {
  const magic = magicValueOf(request.api, request.request);
  if (magic === undefined) return store.transact(request, work);
  // A drop after the effect is recorded only where it happens: not on the replaying retry.
  if (magic.effect !== 'drop-after') scope?.applied.push(magic.label);
  switch (magic.effect) {
    case 'decline-1030':
      return store.transact(request, async () => declineOutcome(request.api, request.clientTxnId));
    case 'server-fault':
      throw new MagicServerFault();
    case 'timeout-before':
      if (scope !== undefined) await hold(scope.signal);
      throw new MagicServerFault();
    case 'drop-after': {
      const result = await store.transact(request, work);
      // Only the first, committing attempt is dropped: the retry must be able to replay.
      if (result.status === 'committed' && scope !== undefined) {
        scope.applied.push(magic.label);
        scope.dropAfter = true;
      }
      return result;
    }
  }
}
