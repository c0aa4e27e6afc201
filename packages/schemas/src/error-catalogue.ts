/**
 * Every platform code the protocol names, with the message the platform puts in
 * `responseMessage`, the HTTP status it answers with, its outcome class, and whether the response
 * body is encrypted (wallet-protocol.md section 4) or plain JSON.
 */

/** The classes of outcome of wallet-protocol.md section 4, plus `helper` for the Encrypt/Decrypt API. */
export type OutcomeClass =
  | 'success'
  | 'authentication'
  | 'envelope'
  | 'wallet-identifier'
  | 'message-code'
  | 'validation'
  | 'duplicate'
  | 'conflict'
  | 'not-found'
  | 'limit'
  | 'wallet-state'
  | 'server'
  | 'helper';

export interface ErrorCatalogueEntry {
  /** The platform code, as the string carried in `responseCode`. */
  readonly code: string;
  /** A stable constant name for the code. */
  readonly name: string;
  /** The platform's `responseMessage` text. */
  readonly message: string;
  readonly httpStatus: number;
  readonly outcome: OutcomeClass;
  /** Whether the response body is an encrypted envelope (true) or plain JSON (false). */
  readonly encrypted: boolean;
}

function entry(
  code: string,
  name: string,
  message: string,
  httpStatus: number,
  outcome: OutcomeClass,
  encrypted: boolean,
): ErrorCatalogueEntry {
  return { code, name, message, httpStatus, outcome, encrypted };
}

const entries: readonly ErrorCatalogueEntry[] = [
  entry('00', 'SUCCESS', 'SUCCESS', 200, 'success', true),
  entry('1010', 'INVALID_MESSAGE_CODE', 'INVALID MESSAGE CODE', 400, 'message-code', true),
  entry('1020', 'INVALID_PARAMETERS', 'INVALID PARAMETERS', 400, 'validation', true),
  entry('1030', 'CUSTOMER_ALREADY_EXISTS', 'CUSTOMER ALREADY EXISTS', 409, 'conflict', true),
  entry('1031', 'INVALID_BANK_ID', 'INVALID BANK ID', 400, 'helper', false),
  entry('1040', 'CUSTOMER_NOT_FOUND', 'CUSTOMER NOT FOUND', 404, 'not-found', true),
  entry('1049', 'INVALID_SECURE_CODE', 'INVALID SECURE CODE', 400, 'helper', false),
  entry('1050', 'BALANCE_LIMIT_EXCEEDED', 'BALANCE LIMIT EXCEEDED', 422, 'limit', true),
  entry('1052', 'SYSTEM_ERROR', 'SYSTEM ERROR', 500, 'server', false),
  entry('1054', 'TRANSACTION_NOT_FOUND', 'TRANSACTION NOT FOUND', 404, 'not-found', true),
  entry('1055', 'MALFORMED_REQUEST', 'MALFORMED REQUEST', 400, 'envelope', false),
  entry('1058', 'INVALID_WALLETS', 'INVALID WALLETS', 400, 'wallet-identifier', false),
  entry('1074', 'INVALID_DATE_RANGE', 'INVALID DATE RANGE', 400, 'validation', true),
  entry('1117', 'CARD_DEBIT_BLOCK', 'CARD DEBIT BLOCK', 422, 'wallet-state', true),
  entry('1118', 'CARD_CREDIT_BLOCK', 'CARD CREDIT BLOCK', 422, 'wallet-state', true),
  entry('1121', 'CARD_CREDIT_DEBIT_BLOCK', 'CARD CREDIT DEBIT BLOCK', 422, 'wallet-state', true),
  entry(
    '1135',
    'REFUND_EXCEEDS_ORIGINAL',
    'REFUND AMOUNT EXCEEDS ORIGINAL TRANSACTION',
    422,
    'limit',
    true,
  ),
  entry(
    '1246',
    'ORIGINAL_TRANSACTION_NOT_FOUND',
    'ORIGINAL TRANSACTION NOT FOUND',
    400,
    'validation',
    true,
  ),
  entry('1262', 'CLIENT_ID_MISSING', 'CLIENT ID NOT PRESENT IN THE REQUEST', 400, 'helper', false),
  entry('1264', 'BANK_ID_MISSING', 'BANK ID NOT PRESENT IN THE REQUEST', 400, 'helper', false),
  entry(
    '1310',
    'XCONSUMERKEY_MISSING',
    'XCONSUMERKEY NOT PRESENT IN REQUEST',
    400,
    'helper',
    false,
  ),
  entry('1311', 'SECURE_CODE_MISSING', 'SECURE CODE NOT PRESENT IN REQUEST', 400, 'helper', false),
  entry('1322', 'AMOUNT_ZERO', 'TRANSACTION AMOUNT CANNOT BE ZERO', 400, 'validation', true),
  entry('3007', 'INSUFFICIENT_BALANCE', 'INSUFFICIENT BALANCE', 422, 'limit', true),
  entry('3532', 'INVALID_STATUS_TYPE', 'INVALID STATUS TYPE', 400, 'validation', true),
  entry(
    '3533',
    'STATUS_CHANGE_NOT_ALLOWED',
    'STATUS CHANGE NOT ALLOWED',
    422,
    'wallet-state',
    true,
  ),
  entry('5000', 'DUPLICATE_REQUEST', 'DUPLICATE REQUEST', 409, 'duplicate', true),
  entry('6000', 'ACCOUNT_DORMANT', 'ACCOUNT DORMANT', 422, 'wallet-state', true),
  entry(
    '6002',
    'ACCOUNT_PERMANENTLY_BLOCKED',
    'ACCOUNT PERMANENTLY BLOCKED OR CLOSED',
    422,
    'wallet-state',
    true,
  ),
  entry(
    '6014',
    'ACCOUNT_TEMPORARILY_BLOCKED',
    'ACCOUNT IN TEMPORARILY BLOCKED STATE',
    422,
    'wallet-state',
    true,
  ),
  entry(
    '10153',
    'AMOUNT_OUT_OF_RANGE',
    'TRANSACTION AMOUNT OUT OF ALLOWED RANGE',
    422,
    'limit',
    true,
  ),
  entry(
    '29201',
    'NO_RESPONSE_STORED',
    'NO RESPONSE FOUND FOR THE GIVEN CLIENT TXN ID',
    404,
    'not-found',
    true,
  ),
];

/** The platform codes the catalogue knows. */
export type PlatformCode =
  | '00'
  | '1010'
  | '1020'
  | '1030'
  | '1031'
  | '1040'
  | '1049'
  | '1050'
  | '1052'
  | '1054'
  | '1055'
  | '1058'
  | '1074'
  | '1117'
  | '1118'
  | '1121'
  | '1135'
  | '1246'
  | '1262'
  | '1264'
  | '1310'
  | '1311'
  | '1322'
  | '3007'
  | '3532'
  | '3533'
  | '5000'
  | '6000'
  | '6002'
  | '6014'
  | '10153'
  | '29201';

/** The catalogue, keyed by code string. */
export const errorCatalogue: Readonly<Record<PlatformCode, ErrorCatalogueEntry>> = Object.freeze(
  Object.fromEntries(entries.map((e) => [e.code, Object.freeze(e)])) as Record<
    PlatformCode,
    ErrorCatalogueEntry
  >,
);

/** The catalogue entry for `code` (a string or a number), or `undefined` when the code is unknown. */
export function lookupError(code: string | number): ErrorCatalogueEntry | undefined {
  const key = String(code);
  return Object.hasOwn(errorCatalogue, key) ? errorCatalogue[key as PlatformCode] : undefined;
}

/** Whether `code` is a code the catalogue knows. */
export function isPlatformCode(code: string): code is PlatformCode {
  return Object.hasOwn(errorCatalogue, code);
}

/**
 * The classes of authentication failure (HTTP 401, plain JSON). The platform gives them no code;
 * the message names the class without echoing any secret.
 */
export const authenticationFailures = {
  'missing-header': { httpStatus: 401, message: 'AUTHORIZATION HEADER MISSING' },
  'malformed-header': { httpStatus: 401, message: 'AUTHORIZATION HEADER MALFORMED' },
  'clock-skew': { httpStatus: 401, message: 'DATE HEADER OUTSIDE ALLOWED CLOCK SKEW' },
  'bad-signature': { httpStatus: 401, message: 'SIGNATURE VERIFICATION FAILED' },
  // The signature is good but the signed `digest` header does not match the body (`date digest`).
  'digest-mismatch': { httpStatus: 401, message: 'DIGEST DOES NOT MATCH THE BODY' },
  'bad-api-key': { httpStatus: 401, message: 'INVALID API KEY' },
} as const satisfies Record<string, { httpStatus: 401; message: string }>;
export type AuthenticationFailure = keyof typeof authenticationFailures;
