/**
 * The settings a command may need, each with its flag, its environment variable and whether it is
 * a secret (never printed, masked by `wallet config show`).
 */

export interface SettingDefinition {
  /** The key in a profile of the config file, and in `wallet config set <name>` (kebab case too). */
  readonly name: SettingName;
  /** The global flag, without `--`. */
  /** What the setting is called in messages. */
  readonly label: string;
  readonly flag: string;
  readonly env: string;
  readonly secret: boolean;
  readonly description: string;
}

export type SettingName =
  | 'baseUrl'
  | 'merchantKey'
  | 'merchantSalt'
  | 'encryptionKey'
  | 'ivMode'
  | 'iv'
  | 'authProfile'
  | 'timeout'
  | 'adminToken'
  | 'gateway'
  | 'bankcode';

export const SETTINGS: readonly SettingDefinition[] = [
  {
    name: 'baseUrl',
    label: 'base URL',
    flag: 'base-url',
    env: 'WALLET_BASE_URL',
    secret: false,
    description: 'base URL of the wallet API (e.g. http://127.0.0.1:4010 for a local sandbox)',
  },
  {
    name: 'merchantKey',
    label: 'merchant key',
    flag: 'merchant-key',
    env: 'WALLET_MERCHANT_KEY',
    secret: false,
    description: 'merchant key: the username of the Authorization header',
  },
  {
    name: 'merchantSalt',
    label: 'merchant salt',
    flag: 'merchant-salt',
    env: 'WALLET_MERCHANT_SALT',
    secret: true,
    description: 'merchant salt: the HMAC key that signs requests (secret)',
  },
  {
    name: 'encryptionKey',
    label: 'encryption key',
    flag: 'encryption-key',
    env: 'WALLET_ENCRYPTION_KEY',
    secret: true,
    description: 'AES-192 key: 48 hex characters or base64 of 24 bytes (secret)',
  },
  {
    name: 'ivMode',
    label: 'IV mode',
    flag: 'iv-mode',
    env: 'WALLET_IV_MODE',
    secret: false,
    description: 'IV mode: prefix (a fresh IV before each ciphertext, default) or fixed',
  },
  {
    name: 'iv',
    label: 'fixed IV',
    flag: 'iv',
    env: 'WALLET_IV',
    secret: true,
    description: 'the fixed IV (32 hex characters) when the IV mode is fixed',
  },
  {
    name: 'authProfile',
    label: 'signing profile',
    flag: 'auth-profile',
    env: 'WALLET_AUTH_PROFILE',
    secret: false,
    description: 'how requests are signed: payu-hmac (default), payu-hmac+digest, payu-v2, ...',
  },
  {
    name: 'timeout',
    label: 'timeout',
    flag: 'timeout',
    env: 'WALLET_TIMEOUT',
    secret: false,
    description: 'milliseconds one API attempt may take (default 30000)',
  },
  {
    name: 'adminToken',
    label: 'admin token',
    flag: 'admin-token',
    env: 'WALLET_ADMIN_TOKEN',
    secret: true,
    description:
      "the sandbox's admin token, for `wallet logs tail` against a sandbox on a non-loopback address (secret)",
  },
  {
    name: 'gateway',
    label: 'payment gateway',
    flag: 'gateway',
    env: 'WALLET_GATEWAY',
    secret: false,
    description:
      'PayU payment gateway of `wallet pay`: test, production, or the base URL of a sandbox (default: the base URL)',
  },
  {
    name: 'bankcode',
    label: 'CLW bank code',
    flag: 'bankcode',
    env: 'WALLET_BANKCODE',
    secret: false,
    description: 'the CLW bank code PayU issued to the merchant, for `wallet pay` (default CLW)',
  },
];

const byName = new Map<string, SettingDefinition>();
for (const setting of SETTINGS) {
  byName.set(setting.name, setting);
  byName.set(setting.flag, setting);
}

/** The setting called `name` (`merchantSalt` or `merchant-salt`), or undefined. */
export function findSetting(name: string): SettingDefinition | undefined {
  return byName.get(name);
}

/** What `config show` prints for a value: secrets become a fixed mask that says only "set". */
export function displayValue(setting: SettingDefinition, value: string): string {
  return setting.secret ? '******** (set)' : value;
}
