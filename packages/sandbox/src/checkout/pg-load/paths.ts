/** Where the sandbox serves the card page of a PG Load top-up. */

/** The path prefix of the card pages; the payment gateway id follows it. */
export const PG_LOAD_PAGE_PREFIX = '/_pg-load/';

/** The absolute address of the card page of top-up `payuTxnId`, on the sandbox at `origin`. */
export function pgLoadPageUrl(origin: string, payuTxnId: string): string {
  return new URL(`${PG_LOAD_PAGE_PREFIX}${encodeURIComponent(payuTxnId)}`, origin).href;
}
