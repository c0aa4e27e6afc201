/**
 * The leaf every call runs on: a {@link WalletCore}, and what it holds out of sight (the checked
 * configuration, secrets included, the request signer and the way payloads are sealed). Kept in a
 * WeakMap, so no enumeration, `console.log` or `JSON.stringify` of a core or a client can reach a
 * key, a salt or an API key. `core.ts` builds cores above it; nothing here imports upwards.
 */
import type { RequestSigner } from '@wallet/hmac';
import type { CallScope } from './call-options.js';
import type { ResolvedConfig, ResponseValidationMode } from './config.js';
import { WalletConfigError } from './errors.js';
import type { LogSink } from './logger.js';

/**
 * A prepared client core. It shows the settings that are not secret; keys, salts and API keys are
 * held out of reach (no property, enumeration or `JSON.stringify` shows them).
 */
export interface WalletCore {
  /** The wallet API's base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The merchant key (sent in clear as the Authorization `username`). */
  readonly merchantKey: string;
  readonly walletIdentifier: string;
  /** The name of the authorization profile (`payu-hmac`, ...). */
  readonly authProfile: string;
  /** `local`: sealed with the configured key; `helper-api`: sealed by the Encrypt/Decrypt API. */
  readonly encryption: 'local' | 'helper-api';
  readonly responseValidation: ResponseValidationMode;
  /** The helper API's base URL, when one is configured. */
  readonly helperBaseUrl: string | undefined;
}

/** Turns decrypted requests into tokens and response tokens back into values. */
export interface Sealer {
  /** Within the call's `scope`: the helper API's requests share the call's deadline. */
  seal(value: object, scope: CallScope): string | Promise<string>;
  open(token: string, scope: CallScope): unknown;
}

/** What sending needs: the checked configuration, the signer and the log. */
export interface CoreServices {
  readonly config: ResolvedConfig;
  readonly signer: RequestSigner;
  readonly log: LogSink;
}

export interface CoreInternals extends CoreServices {
  readonly sealer: Sealer;
}

const store = new WeakMap<WalletCore, CoreInternals>();

export function attachInternals(core: WalletCore, internals: CoreInternals): void {
  store.set(core, internals);
}

/** The internals of `core`, or a configuration error for an object that is not a core. */
export function internalsOf(core: WalletCore): CoreInternals {
  const found = store.get(core);
  if (found === undefined) {
    throw new WalletConfigError(
      'core',
      "Invalid wallet core: pass the object returned by createWalletCore() (or a client's core).",
    );
  }
  return found;
}
