/**
 * The client: a core and one method per API, in the shape stripe-node users know.
 *
 *   const wallet = createWalletClient({ baseUrl: 'test', merchantKey, merchantSalt, encryptionKey });
 *   const { customerId, urn } = await wallet.registerCustomer({ customerDetails, productId: 35 });
 */
import type { ParamsOf, ResponseOf } from '@wallet/schemas';
import {
  changeWalletStatus,
  checkStatus,
  load,
  pgLoad,
  pgLoadEnquiry,
  registerCustomer,
  retrieveCustomer,
  statement,
  unload,
  updateProfile,
} from './apis.js';
import type { WalletCallOptions } from './call-options.js';
import type { WalletClientConfig } from './config.js';
import { buildWalletCore, type WalletCore } from './core.js';
import { envSettingLabel, type WalletEnv, walletConfigFromEnv } from './env.js';
import { decryptViaApi, encryptViaApi, type HelperCallOptions } from './helper-api.js';
import {
  type StatementEntryOf,
  type StatementPage,
  type StatementWalkOptions,
  statementEntries,
  statementPages,
} from './pagination.js';
import type { WalletPromise } from './wallet-promise.js';

/** A wallet API client. Every method returns a {@link WalletPromise} (`await` it, or `.withResponse()`). */
export interface WalletClient {
  /** The core the methods run on; pass it to the standalone functions too. */
  readonly core: WalletCore;
  /** Register Customer (3510): creates a customer and a wallet. */
  registerCustomer(
    params: ParamsOf<'registerCustomer'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'registerCustomer'>>;
  /** Retrieve Customer Record (1930): details, wallet status and balance. */
  retrieveCustomer(
    params: ParamsOf<'retrieveCustomer'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'retrieveCustomer'>>;
  /** Update Profile (1280). */
  updateProfile(
    params: ParamsOf<'updateProfile'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'updateProfile'>>;
  /** Load (1080): credits a wallet. */
  load(params: ParamsOf<'load'>, options?: WalletCallOptions): WalletPromise<ResponseOf<'load'>>;
  /** Unload (1480): debits a wallet. */
  unload(
    params: ParamsOf<'unload'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'unload'>>;
  /** Statement Inquiry (1072): one page. */
  statement(
    params: ParamsOf<'statement'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'statement'>>;
  /** Every page of a statement, for `for await`. */
  statementPages(
    params: ParamsOf<'statement'>,
    options?: StatementWalkOptions,
  ): AsyncGenerator<StatementPage, void, undefined>;
  /** Every ledger entry of a statement, across pages, for `for await`. */
  statementEntries(
    params: ParamsOf<'statement'>,
    options?: StatementWalkOptions,
  ): AsyncGenerator<StatementEntryOf, void, undefined>;
  /** Check Status (2050): the stored response of an earlier call. */
  checkStatus(
    params: ParamsOf<'checkStatus'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'checkStatus'>>;
  /** Change Wallet Status (3530). */
  changeWalletStatus(
    params: ParamsOf<'changeWalletStatus'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'changeWalletStatus'>>;
  /** PG Load (no messageCode): starts a top-up by card; send the customer to `data.redirectUrl`. */
  pgLoad(
    params: ParamsOf<'pgLoad'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'pgLoad'>>;
  /** PG Load Enquiry (no messageCode): a PG Load's status, by its clientTxnId (1054 unknown). */
  pgLoadEnquiry(
    params: ParamsOf<'pgLoadEnquiry'>,
    options?: WalletCallOptions,
  ): WalletPromise<ResponseOf<'pgLoadEnquiry'>>;
  /** Seals a plaintext request into a token through the helper API (needs `helper`). */
  encryptViaApi(
    plaintext: Readonly<Record<string, unknown>>,
    options?: HelperCallOptions,
  ): WalletPromise<string>;
  /** Opens a token into its plaintext through the helper API (needs `helper`). */
  decryptViaApi(
    token: string,
    options?: HelperCallOptions,
  ): WalletPromise<Readonly<Record<string, unknown>>>;
}

function clientOver(core: WalletCore): WalletClient {
  return Object.freeze({
    core,
    registerCustomer: (params, options) => registerCustomer(core, params, options),
    retrieveCustomer: (params, options) => retrieveCustomer(core, params, options),
    updateProfile: (params, options) => updateProfile(core, params, options),
    load: (params, options) => load(core, params, options),
    unload: (params, options) => unload(core, params, options),
    statement: (params, options) => statement(core, params, options),
    statementPages: (params, options) => statementPages(core, params, options),
    statementEntries: (params, options) => statementEntries(core, params, options),
    checkStatus: (params, options) => checkStatus(core, params, options),
    changeWalletStatus: (params, options) => changeWalletStatus(core, params, options),
    pgLoad: (params, options) => pgLoad(core, params, options),
    pgLoadEnquiry: (params, options) => pgLoadEnquiry(core, params, options),
    encryptViaApi: (plaintext, options) => encryptViaApi(core, plaintext, options),
    decryptViaApi: (token, options) => decryptViaApi(core, token, options),
  } satisfies WalletClient);
}

/** `createWalletClient`, with `fromEnv` alongside. */
export interface CreateWalletClient {
  /**
   * Checks `config` and returns a client. Every setting is checked here: a bad key, salt, URL or
   * option throws now, never at the first call.
   * @throws {WalletConfigError} naming the setting and the rule, never its value.
   */
  (config: WalletClientConfig): WalletClient;
  /**
   * A client from `WALLET_BASE_URL`, `WALLET_MERCHANT_KEY`, `WALLET_MERCHANT_SALT`,
   * `WALLET_ENCRYPTION_KEY`, `WALLET_IV_MODE` and `WALLET_IV` in `env` (default `process.env`,
   * or an empty environment on a runtime without one), with `overrides` for everything else (or
   * instead of a variable). On a Cloudflare Worker pass the worker's `env`:
   * `createWalletClient.fromEnv(env)` in its `fetch(request, env)`.
   * @throws {WalletConfigError} naming the variable at fault.
   */
  fromEnv(env?: WalletEnv, overrides?: Partial<WalletClientConfig>): WalletClient;
}

function createClient(config: WalletClientConfig): WalletClient {
  return clientOver(buildWalletCore(config));
}

function fromEnv(env?: WalletEnv, overrides: Partial<WalletClientConfig> = {}): WalletClient {
  const config = walletConfigFromEnv(env, overrides);
  return clientOver(buildWalletCore(config, envSettingLabel(overrides)));
}

/** Creates a wallet API client; `createWalletClient.fromEnv()` reads the settings from the environment. */
export const createWalletClient: CreateWalletClient = /* @__PURE__ */ Object.assign(createClient, {
  fromEnv,
});
