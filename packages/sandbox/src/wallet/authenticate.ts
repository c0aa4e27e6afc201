/** Checking a wallet call's Authorization header with @wallet/hmac against the stored merchants. */
import {
  type AuthProfile,
  parseAuthorization,
  profileName,
  type VerifyFailureReason,
  verifyRequest,
} from '@wallet/hmac';
import { type AuthenticationFailure, authenticationFailures } from '@wallet/schemas';
import type { ExchangeFailure } from '../exchange.js';
import type { ActiveMerchant, MerchantRegistry } from '../merchants/registry.js';

/** The class of 401 answer (and its catalogue message) for each @wallet/hmac failure reason. */
const FAILURE_CLASS: Readonly<Record<VerifyFailureReason, AuthenticationFailure>> = {
  missing: 'missing-header',
  malformed: 'malformed-header',
  'clock-skew': 'clock-skew',
  'bad-signature': 'bad-signature',
  'digest-mismatch': 'digest-mismatch',
};

const EXCHANGE_FAILURE: Readonly<Record<VerifyFailureReason, ExchangeFailure>> = {
  missing: 'auth-missing',
  malformed: 'auth-malformed',
  'clock-skew': 'auth-clock-skew',
  'bad-signature': 'auth-bad-signature',
  'digest-mismatch': 'auth-digest-mismatch',
};

export type AuthOutcome =
  | {
      readonly ok: true;
      readonly merchant: ActiveMerchant;
      readonly profileName: string;
      /** The `Authorization` header's `signature` value, as sent (what the token limit counts). */
      readonly signature: string;
    }
  | {
      readonly ok: false;
      readonly httpStatus: number;
      /** The plain body's `responseMessage`: names the class, never a secret. */
      readonly message: string;
      readonly failure: ExchangeFailure;
    };

export interface AuthSettings {
  readonly registry: MerchantRegistry;
  readonly profiles: readonly AuthProfile[];
  readonly clockSkewSeconds: number;
  readonly now: () => Date;
}

/**
 * Verifies `request` (whose raw body is `body`). An unknown merchant fails like a bad signature.
 * Rejects only when the store cannot be read.
 */
export async function authenticate(
  request: Request,
  body: Uint8Array,
  settings: AuthSettings,
): Promise<AuthOutcome> {
  const result = await verifyRequest({
    method: request.method,
    headers: request.headers,
    body,
    lookupSalt: async (merchantKey) => (await settings.registry.get(merchantKey))?.credentials.salt,
    now: settings.now,
    clockSkewSeconds: settings.clockSkewSeconds,
    profiles: settings.profiles,
  });
  if (!result.ok) {
    const failure = authenticationFailures[FAILURE_CLASS[result.reason]];
    return {
      ok: false,
      httpStatus: failure.httpStatus,
      message: failure.message,
      failure: EXCHANGE_FAILURE[result.reason],
    };
  }
  const merchant = await settings.registry.get(result.merchantKey);
  if (merchant === undefined) {
    // Deleted between the signature check and now: answer as for an unknown merchant.
    const failure = authenticationFailures['bad-signature'];
    return {
      ok: false,
      httpStatus: failure.httpStatus,
      message: failure.message,
      failure: 'auth-bad-signature',
    };
  }
  // The header parsed when it was verified; parsing it again cannot fail.
  const { signature } = parseAuthorization(request.headers.get('authorization') ?? '');
  return { ok: true, merchant, profileName: profileName(result.profile), signature };
}
