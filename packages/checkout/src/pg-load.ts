/**
 * The PG Load callback (checkout.md section 3): after a card top-up, the customer's browser posts
 * `status`, `accosaRefNo`, ..., `checksum` to the merchant's `surl`/`furl`. PayU publishes no
 * checksum formula; the default verifier is the spec's **profile** (SHA-256 of
 * `clientTxnId|status|loadAmount|accosaRefNo|SALT`), and a caller may supply its own.
 */
import { type CallbackBody, callbackFields } from './callback.js';
import type { Digest } from './digest.js';
import { CheckoutFieldError, CheckoutHashError, CheckoutResponseError } from './errors.js';
import { pgLoadChecksumWith } from './hashes.js';

/** The top-up's outcome. */
export type PgLoadStatus = 'SUCCESS' | 'FAILED';

/** A PG Load callback whose checksum verified. Every value is the string received. */
export interface PgLoadCallback {
  readonly status: PgLoadStatus;
  readonly clientTxnId: string;
  /** Paise. */
  readonly loadAmount: string;
  /** Paise. */
  readonly txnAmount: string;
  readonly accosaRefNo: string;
  readonly accosaTransactionId: string;
  readonly responseCode: string;
  readonly responseMessage: string;
  readonly merchantCode: string;
  readonly checksum: string;
  /** Every field as received. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Decides whether a callback's `checksum` is genuine, given every field received. Replace the
 * default when your program's checksum formula differs from the spec's profile.
 */
export type PgLoadChecksumVerifier = (
  fields: Readonly<Record<string, string>>,
  checksum: string,
) => boolean;

/** Options of `parsePgLoadCallback()`. */
export interface PgLoadCallbackOptions {
  /** Your own verifier; default: the spec's profile with the merchant salt. */
  readonly verifyChecksum?: PgLoadChecksumVerifier;
}

/** The default verifier: the profile's SHA-256, compared in constant time. */
export function profileChecksumVerifier(digest: Digest, salt: string): PgLoadChecksumVerifier {
  return (fields, checksum) => {
    let expected: string;
    try {
      expected = pgLoadChecksumWith(
        digest,
        {
          clientTxnId: fields.clientTxnId as string,
          status: fields.status as string,
          loadAmount: fields.loadAmount as string,
          accosaRefNo: fields.accosaRefNo ?? '',
        },
        salt,
      );
    } catch (error) {
      if (error instanceof CheckoutFieldError && error.field !== 'salt') return false;
      throw error;
    }
    return digest.equalHex(checksum, expected);
  };
}

/**
 * The typed PG Load callback of `body`, once `verify` accepted its checksum.
 * @throws {CheckoutHashError} when the checksum is absent or refused.
 * @throws {CheckoutResponseError} when the body is unreadable, or verified with an unknown status.
 */
export function parsePgLoadCallbackWith(
  body: CallbackBody,
  verify: PgLoadChecksumVerifier,
): PgLoadCallback {
  const fields = callbackFields(body);
  const checksum = fields.checksum;
  if (checksum === undefined || checksum === '' || verify(fields, checksum) !== true) {
    throw new CheckoutHashError(
      'The PG Load callback checksum does not verify: do not trust this callback.',
    );
  }
  const status = fields.status;
  if (status !== 'SUCCESS' && status !== 'FAILED') {
    throw new CheckoutResponseError('The PG Load callback status is not SUCCESS or FAILED.');
  }
  const field = (name: string): string => fields[name] ?? '';
  return {
    status,
    clientTxnId: field('clientTxnId'),
    loadAmount: field('loadAmount'),
    txnAmount: field('txnAmount'),
    accosaRefNo: field('accosaRefNo'),
    accosaTransactionId: field('accosaTransactionId'),
    responseCode: field('responseCode'),
    responseMessage: field('responseMessage'),
    merchantCode: field('merchantCode'),
    checksum,
    fields,
  };
}
