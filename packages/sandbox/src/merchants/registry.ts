/**
 * The merchants a running sandbox answers: their stored credentials, ready-made envelopes, and the
 * sandbox-only settings (response field, helper credentials) from the configuration.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createEnvelope, type Envelope } from '@wallet/crypto';
import type { ResponseEnvelopeField } from '@wallet/schemas';
import { deriveHelperCredentials } from '../config/credentials.js';
import type { HelperCredentials } from '../config/merchant-config.js';
import type { IvMode, Merchant } from '../store/records.js';
import type { Store } from '../store/store-api.js';

/**
 * Everything a client needs to call the sandbox as one merchant. `salt`, `encryptionKey`, `iv`,
 * `helper.apiKey` and `helper.secureCode` are SECRETS (the sandbox's own test credentials).
 */
export interface SandboxMerchant {
  readonly merchantKey: string;
  readonly salt: string;
  /** The AES-192 key as 48 lowercase hex characters. */
  readonly encryptionKey: string;
  readonly ivMode: IvMode;
  /** The fixed IV as 32 hex characters, or null in `prefix` mode. */
  readonly iv: string | null;
  /** The field of the response envelope: `result` or `token`. */
  readonly responseField: ResponseEnvelopeField;
  readonly helper: HelperCredentials;
}

/** Sandbox-only settings of a configured merchant. */
export interface MerchantSettings {
  readonly responseField?: ResponseEnvelopeField | undefined;
  readonly helper?: Partial<HelperCredentials> | undefined;
}

/** A merchant as the request pipeline uses it. */
export interface ActiveMerchant {
  readonly credentials: SandboxMerchant;
  readonly envelope: Envelope;
}

/** The longest merchant key the store holds. */
const MAX_MERCHANT_KEY_LENGTH = 200;

/** How often a helper call with an unknown `x-api-key` may reload the merchant list. */
const RELOAD_INTERVAL_MS = 1000;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export class MerchantRegistry {
  readonly #store: Store;
  readonly #settings: ReadonlyMap<string, MerchantSettings>;
  readonly #defaultResponseField: ResponseEnvelopeField;
  readonly #now: () => Date;
  readonly #byKey = new Map<string, ActiveMerchant>();
  #lastReload = Number.NEGATIVE_INFINITY;

  constructor(options: {
    store: Store;
    settings: ReadonlyMap<string, MerchantSettings>;
    defaultResponseField: ResponseEnvelopeField;
    now: () => Date;
  }) {
    this.#store = options.store;
    this.#settings = options.settings;
    this.#defaultResponseField = options.defaultResponseField;
    this.#now = options.now;
  }

  /** Makes a stored merchant active (replacing an earlier copy) and returns it. */
  add(merchant: Merchant): ActiveMerchant {
    const settings = this.#settings.get(merchant.merchantKey);
    const credentials: SandboxMerchant = {
      merchantKey: merchant.merchantKey,
      salt: merchant.salt,
      encryptionKey: merchant.aesKeyHex,
      ivMode: merchant.ivMode,
      iv: merchant.ivHex,
      responseField: settings?.responseField ?? this.#defaultResponseField,
      helper: { ...deriveHelperCredentials(merchant.salt), ...settings?.helper },
    };
    const active: ActiveMerchant = {
      credentials,
      envelope: createEnvelope({
        key: merchant.aesKeyHex,
        keyEncoding: 'hex',
        iv:
          merchant.ivMode === 'fixed' && merchant.ivHex !== null
            ? { fixed: merchant.ivHex }
            : 'prefix',
      }),
    };
    this.#byKey.set(merchant.merchantKey, active);
    return active;
  }

  /** The active merchants, in the order they became active. */
  list(): SandboxMerchant[] {
    return [...this.#byKey.values()].map((m) => m.credentials);
  }

  /**
   * The merchant with this key. A key not yet active is looked up in the store, so merchants
   * another process (or an admin tool) stored are answered too. Store failures propagate.
   */
  async get(merchantKey: string): Promise<ActiveMerchant | undefined> {
    const known = this.#byKey.get(merchantKey);
    if (known !== undefined) return known;
    // Longer than any key the store accepts: unknown, without asking it.
    if (merchantKey.length === 0 || merchantKey.length > MAX_MERCHANT_KEY_LENGTH) return undefined;
    const stored = await this.#store.getMerchant(merchantKey);
    return stored === null ? undefined : this.add(stored);
  }

  /**
   * The merchant whose helper `x-api-key` is `apiKey`, compared in constant time against every
   * active merchant. An unknown key reloads the stored merchants at most once a second.
   */
  async byApiKey(apiKey: string): Promise<ActiveMerchant | undefined> {
    const found = this.#matchApiKey(apiKey);
    if (found !== undefined) return found;
    const now = this.#now().getTime();
    if (now - this.#lastReload < RELOAD_INTERVAL_MS && now >= this.#lastReload) return undefined;
    this.#lastReload = now;
    for (const merchant of await this.#store.listMerchants()) {
      if (!this.#byKey.has(merchant.merchantKey)) this.add(merchant);
    }
    return this.#matchApiKey(apiKey);
  }

  #matchApiKey(apiKey: string): ActiveMerchant | undefined {
    const given = sha256(apiKey);
    let match: ActiveMerchant | undefined;
    for (const merchant of this.#byKey.values()) {
      const equal = timingSafeEqual(given, sha256(merchant.credentials.helper.apiKey));
      if (equal && match === undefined) match = merchant;
    }
    return match;
  }
}
