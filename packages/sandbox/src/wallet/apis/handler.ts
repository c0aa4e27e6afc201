/** The shape of a wallet API's business logic. */
import type { ApiName, RequestOf } from '@wallet/schemas';
import type { Outcome } from '../../store/records.js';
import type { StoreTx } from '../../store/store-api.js';
import type { Responses } from '../outcomes.js';

export interface ApiContext {
  /** Builds this request's success and decline outcomes. */
  readonly responses: Responses;
  /** The sandbox clock. */
  readonly now: () => Date;
  /** The sandbox's origin as the caller reached it: the base of the addresses it hands out. */
  readonly origin: string;
}

/** The APIs whose responses are stored under their own clientTxnId (all but PG Load Enquiry). */
export type StoredApiName = Exclude<ApiName, 'pgLoadEnquiry'>;

/**
 * The business logic of API `N`: runs inside the store's unit of work, acts only through `tx`
 * (it may run again when the database asks for a retry) and answers the outcome to store. Store
 * business errors it expects become declines; anything else escapes and rolls everything back.
 */
export type ApiHandler<N extends ApiName> = (
  request: RequestOf<N>,
  tx: StoreTx,
  context: ApiContext,
) => Promise<Outcome>;

/** A wallet reference (one of customerMobile, customerId, urn) as a store lookup. */
export function walletLookup(request: {
  readonly customerMobile?: string | undefined;
  readonly customerId?: string | undefined;
  readonly urn?: string | undefined;
}): { mobile?: string; customerId?: string; urn?: string } {
  return {
    ...(request.customerMobile === undefined ? {} : { mobile: request.customerMobile }),
    ...(request.customerId === undefined ? {} : { customerId: request.customerId }),
    ...(request.urn === undefined ? {} : { urn: request.urn }),
  };
}
