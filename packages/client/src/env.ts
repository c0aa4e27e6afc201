/**
 * Settings from environment variables, for `createWalletClient.fromEnv()`:
 *
 * | Variable | Setting |
 * |---|---|
 * | `WALLET_BASE_URL` | `baseUrl` (`test`, `production` or a URL) |
 * | `WALLET_MERCHANT_KEY` | `merchantKey` |
 * | `WALLET_MERCHANT_SALT` | `merchantSalt` |
 * | `WALLET_ENCRYPTION_KEY` | `encryptionKey` |
 * | `WALLET_IV_MODE` | `iv`: `prefix` (default) or `fixed` |
 * | `WALLET_IV` | the fixed IV, 32 hex characters (with `WALLET_IV_MODE=fixed`) |
 */
import type { EnvelopeIv } from '@wallet/crypto';
import { configError, type SettingLabel, type WalletClientConfig } from './config.js';

/** The environment variable behind each setting. */
export const walletEnvVariables = {
  baseUrl: 'WALLET_BASE_URL',
  merchantKey: 'WALLET_MERCHANT_KEY',
  merchantSalt: 'WALLET_MERCHANT_SALT',
  encryptionKey: 'WALLET_ENCRYPTION_KEY',
  ivMode: 'WALLET_IV_MODE',
  iv: 'WALLET_IV',
} as const;

/** An environment: `process.env`, a Cloudflare Worker's `env`, `Deno.env.toObject()` or any record of strings. */
export type WalletEnv = Readonly<Record<string, string | undefined>>;

/** Names a setting by its variable, e.g. `WALLET_MERCHANT_SALT (merchantSalt)`. */
const envLabel: SettingLabel = (setting) => {
  const variable = (walletEnvVariables as Readonly<Record<string, string>>)[setting];
  return variable === undefined ? setting : `${variable} (${setting})`;
};

/** Names settings by their variable, except those `overrides` gave. */
export function envSettingLabel(overrides: Partial<WalletClientConfig>): SettingLabel {
  return (setting) => (Object.hasOwn(overrides, setting) ? setting : envLabel(setting));
}

function read(env: WalletEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function ivFrom(env: WalletEnv): EnvelopeIv | undefined {
  const mode = read(env, walletEnvVariables.ivMode);
  const iv = read(env, walletEnvVariables.iv);
  if (mode === undefined || mode === 'prefix') {
    if (iv !== undefined) {
      throw configError('iv', `is set but ${walletEnvVariables.ivMode} is not 'fixed'`, envLabel);
    }
    return mode;
  }
  if (mode !== 'fixed') {
    throw configError('ivMode', "must be 'prefix' or 'fixed'", envLabel);
  }
  if (iv === undefined) {
    throw configError('iv', `is required when ${walletEnvVariables.ivMode} is 'fixed'`, envLabel);
  }
  return { fixed: iv };
}

/**
 * `process.env` where the runtime has one (Node, Bun, Deno); an empty environment where it does
 * not (a Cloudflare Worker without `nodejs_compat`, a browser), so the check of
 * `createWalletClient()` names each missing setting instead of a `ReferenceError`.
 */
function processEnv(): WalletEnv {
  const runtime = globalThis as { process?: { env?: WalletEnv } };
  return runtime.process?.env ?? {};
}

/**
 * The settings the environment holds, merged under `overrides` (which win). Unset or blank
 * variables are left out, so the check of `createWalletClient()` reports them as required.
 */
export function walletConfigFromEnv(
  env: WalletEnv = processEnv(),
  overrides: Partial<WalletClientConfig> = {},
): WalletClientConfig {
  const fromEnv: Record<string, unknown> = {};
  const take = (setting: keyof typeof walletEnvVariables, name: string): void => {
    const value = read(env, name);
    if (value !== undefined) fromEnv[setting] = value;
  };
  take('baseUrl', walletEnvVariables.baseUrl);
  take('merchantKey', walletEnvVariables.merchantKey);
  take('merchantSalt', walletEnvVariables.merchantSalt);
  take('encryptionKey', walletEnvVariables.encryptionKey);
  const iv = ivFrom(env);
  if (iv !== undefined) fromEnv.iv = iv;
  return { ...fromEnv, ...overrides } as WalletClientConfig;
}
