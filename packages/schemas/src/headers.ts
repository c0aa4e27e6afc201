/** The HTTP headers of a wallet call (wallet-protocol.md section 1). */

/** The program type every wallet call names in `walletIdentifier`. */
export const WALLET_IDENTIFIER = 'CLW';

/** Header names, as sent. HTTP header names compare case-insensitively. */
export const walletHeaders = {
  walletIdentifier: 'walletIdentifier',
  date: 'date',
  authorization: 'Authorization',
  contentType: 'Content-Type',
  digest: 'digest',
} as const;

/** The content type of every wallet request and response. */
export const JSON_CONTENT_TYPE = 'application/json';

/** Base URLs of the environments. */
export const baseUrls = {
  payuTest: 'https://apitest.payu.in',
  payuProduction: 'https://api.payu.in',
  wibmoHelperSandbox: 'https://payusandbox-kong.pc.enstage-sas.com',
} as const;
