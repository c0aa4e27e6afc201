/**
 * One standalone function per wallet API, over a {@link WalletCore}. Import only those you use:
 * a bundle that registers customers carries no statement, pagination or helper API code.
 *
 *   import { createWalletCore, registerCustomer } from '@wallet/client';
 *   const core = createWalletCore(config);
 *   const { customerId, urn } = await registerCustomer(core, params);
 */
import type { ParamsOf, ResponseOf } from '@wallet/schemas';
import { callApi } from './call.js';
import type { WalletCallOptions } from './call-options.js';
import type { WalletCore } from './core-internals.js';
import type { WalletPromise } from './wallet-promise.js';

/** Register Customer: creates a customer and a wallet. SDK defaults: kycProfile 30, riskCategory Low, formFactorRequired false. */
export function registerCustomer(
  core: WalletCore,
  params: ParamsOf<'registerCustomer'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'registerCustomer'>> {
  return callApi(core, 'registerCustomer', params, options);
}

/** Retrieve Customer Record: a customer's details, wallet status and balance. */
export function retrieveCustomer(
  core: WalletCore,
  params: ParamsOf<'retrieveCustomer'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'retrieveCustomer'>> {
  return callApi(core, 'retrieveCustomer', params, options);
}

/** Update Profile: changes a customer's name, contact details, KYC profile or address. */
export function updateProfile(
  core: WalletCore,
  params: ParamsOf<'updateProfile'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'updateProfile'>> {
  return callApi(core, 'updateProfile', params, options);
}

/** Load: credits a wallet (with `originalClientTxnId`, refunds an earlier debit). */
export function load(
  core: WalletCore,
  params: ParamsOf<'load'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'load'>> {
  return callApi(core, 'load', params, options);
}

/** Unload: debits a wallet. */
export function unload(
  core: WalletCore,
  params: ParamsOf<'unload'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'unload'>> {
  return callApi(core, 'unload', params, options);
}

/** Statement Inquiry: one page of a wallet's ledger entries (see `statementPages` to walk them all). */
export function statement(
  core: WalletCore,
  params: ParamsOf<'statement'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'statement'>> {
  return callApi(core, 'statement', params, options);
}

/** Check Status: the stored response of an earlier call, by its clientTxnId. */
export function checkStatus(
  core: WalletCore,
  params: ParamsOf<'checkStatus'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'checkStatus'>> {
  return callApi(core, 'checkStatus', params, options);
}

/** Change Wallet Status: blocks, unblocks, suspends or closes a wallet. */
export function changeWalletStatus(
  core: WalletCore,
  params: ParamsOf<'changeWalletStatus'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'changeWalletStatus'>> {
  return callApi(core, 'changeWalletStatus', params, options);
}

/**
 * PG Load: starts a top-up of a wallet by card (no messageCode). Send the customer's browser to
 * `data.redirectUrl`; the wallet is credited when the card is taken, and the browser is posted to
 * `surl` or `furl` with a `checksum` to verify (`@wallet/checkout`). Amounts in paise.
 */
export function pgLoad(
  core: WalletCore,
  params: ParamsOf<'pgLoad'>,
  options?: WalletCallOptions,
): WalletPromise<ResponseOf<'pgLoad'>> {
  return callApi(core, 'pgLoad', params, options);
}

/**
 * PG Load Enquiry: where a PG Load's top-up stands (`SUCCESS`, `FAILED` or `PENDING`). Its
 * `clientTxnId` is the PG Load's, so it is the call's own: the same one on every retry.
 * An unknown clientTxnId rejects with a `WalletApiError` of code 1054.
 */
export function pgLoadEnquiry(
  core: WalletCore,
  params: ParamsOf<'pgLoadEnquiry'>,
  options: WalletCallOptions = {},
): WalletPromise<ResponseOf<'pgLoadEnquiry'>> {
  return callApi(core, 'pgLoadEnquiry', params, { ...options, clientTxnId: params.clientTxnId });
}
