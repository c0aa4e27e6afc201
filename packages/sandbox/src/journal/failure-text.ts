/** Why a request failed, in a sentence a developer reads in the dashboard or `wallet logs tail`. */
import type { ExchangeFailure } from '../exchange.js';

const TEXT: { readonly [F in ExchangeFailure]: string } = {
  'not-found': 'No API or sandbox route has this path.',
  'method-not-allowed': 'The path is an API, but not with this HTTP method.',
  'bad-request': 'The HTTP request could not be parsed.',
  'headers-too-large': 'The header section is larger than the sandbox accepts.',
  'transfer-coding':
    'The body has a transfer coding other than chunked, which the sandbox does not decode (501).',
  'body-too-large': 'The body is larger than the sandbox accepts.',
  'wallet-identifier': 'The walletIdentifier header is missing or is not CLW (1058).',
  'auth-missing': 'The Authorization header (or a header it signs) is missing.',
  'auth-malformed': 'The Authorization header does not follow the hmac syntax.',
  'auth-clock-skew': "The date header is too far from the sandbox's clock.",
  'auth-bad-signature':
    'The signature does not match: wrong merchant key or salt, or a profile the sandbox does not accept.',
  'auth-digest-mismatch': 'The digest header does not match the body.',
  'rate-limited':
    'Too many unreadable tokens under this signature: its unreadable tokens answer 429 for a while.',
  envelope: "The token could not be opened with the merchant's key and IV mode (1055).",
  'message-code': 'The messageCode is not the one of this API (1010).',
  validation: 'A field breaks its rule; the response names it.',
  duplicate: 'This clientTxnId was already used for a different request (5000).',
  declined: 'The platform declined the request; the response carries the code.',
  'helper-header-missing': 'A header the helper API requires is missing.',
  'helper-api-key': 'The helper x-api-key is unknown.',
  'helper-client-id': 'The helper clientId does not match the merchant.',
  'helper-bank-id': 'The helper bankId does not match the merchant (1031).',
  'helper-secure-code': 'The helper secureCode does not match the merchant (1049).',
  'gateway-refused':
    'The payment gateway refused the request (a field, a duplicate txnid, a form posted twice); the response names why.',
  'gateway-hash': 'The payment or command hash does not match (or the merchant key is unknown).',
  'server-fault': 'The sandbox answered a server fault (1052).',
  'fault-injected': 'A fault was injected (see the fault), so the request never reached the API.',
};

/** The sentence for `failure`, or undefined when the request did not fail. */
export function failureText(failure: ExchangeFailure | undefined): string | undefined {
  return failure === undefined ? undefined : TEXT[failure];
}
