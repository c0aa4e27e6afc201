/** Reading merchant configuration from a JSON file and from the `WALLET_*` environment. */
import { readFile } from 'node:fs/promises';
import { MerchantConfigError, MerchantConfigUnreadableError } from '../errors.js';
import {
  merchantConfigSchema,
  merchantsFileSchema,
  problemsOf,
  type ResolvedMerchantConfig,
  resolveMerchantConfig,
} from './merchant-config.js';

/**
 * Reads and checks a merchants file (`{ "merchants": [ ... ] }`).
 * @throws {MerchantConfigUnreadableError} when the file cannot be read or is not JSON.
 * @throws {MerchantConfigError} listing every rule the content breaks.
 */
export async function loadMerchantsFile(path: string): Promise<ResolvedMerchantConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MerchantConfigUnreadableError(path, 'unreadable', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message may quote the file's content (a secret); it is not kept.
    throw new MerchantConfigUnreadableError(path, 'not-json');
  }
  const parsed = merchantsFileSchema.safeParse(json);
  if (!parsed.success) throw new MerchantConfigError(path, problemsOf(parsed.error));
  return parsed.data.merchants.map(resolveMerchantConfig);
}

/** The environment variables a merchant is read from, by the config field each sets. */
export const MERCHANT_ENV = {
  merchantKey: 'WALLET_MERCHANT_KEY',
  salt: 'WALLET_MERCHANT_SALT',
  encryptionKey: 'WALLET_ENCRYPTION_KEY',
  encryptionKeyEncoding: 'WALLET_ENCRYPTION_KEY_ENCODING',
  ivMode: 'WALLET_IV_MODE',
  iv: 'WALLET_IV',
  responseField: 'WALLET_RESPONSE_FIELD',
} as const;

/** The environment variables of the helper API credentials. */
export const HELPER_ENV = {
  apiKey: 'WALLET_HELPER_API_KEY',
  clientId: 'WALLET_HELPER_CLIENT_ID',
  bankId: 'WALLET_HELPER_BANK_ID',
  secureCode: 'WALLET_HELPER_SECURE_CODE',
} as const;

const REQUIRED = ['merchantKey', 'salt', 'encryptionKey'] as const;

/**
 * The merchant the environment describes, or `undefined` when none of its variables is set.
 * Empty variables count as unset.
 * @throws {MerchantConfigError} naming the variables that are missing or break a rule.
 */
export function merchantFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ResolvedMerchantConfig | undefined {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const fields: Record<string, unknown> = {};
  for (const [field, name] of Object.entries(MERCHANT_ENV)) {
    const value = read(name);
    if (value !== undefined) fields[field] = value;
  }
  const helper: Record<string, string> = {};
  for (const [field, name] of Object.entries(HELPER_ENV)) {
    const value = read(name);
    if (value !== undefined) helper[field] = value;
  }
  if (Object.keys(fields).length === 0 && Object.keys(helper).length === 0) return undefined;
  const missing = REQUIRED.filter((field) => fields[field] === undefined);
  if (missing.length > 0) {
    throw new MerchantConfigError(
      'environment',
      missing.map((field) => ({
        path: MERCHANT_ENV[field],
        message: 'is required when any WALLET_* merchant variable is set',
      })),
    );
  }
  if (Object.keys(helper).length > 0) fields.helper = helper;
  const parsed = merchantConfigSchema.safeParse(fields);
  if (!parsed.success) {
    throw new MerchantConfigError(
      'environment',
      problemsOf(parsed.error).map((problem) => ({ ...problem, path: envName(problem.path) })),
    );
  }
  return resolveMerchantConfig(parsed.data);
}

/** `iv` → `WALLET_IV`, `helper.bankId` → `WALLET_HELPER_BANK_ID`. */
function envName(path: string): string {
  if (path.startsWith('helper.')) {
    const field = path.slice('helper.'.length);
    return Object.hasOwn(HELPER_ENV, field) ? HELPER_ENV[field as keyof typeof HELPER_ENV] : path;
  }
  return Object.hasOwn(MERCHANT_ENV, path) ? MERCHANT_ENV[path as keyof typeof MERCHANT_ENV] : path;
}
