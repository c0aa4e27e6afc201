/** The client's settings from the resolved CLI configuration. */
import type { WalletClientConfig } from '@wallet/client';
import { optionalSetting, type ResolvedConfig, requireSetting } from '../config/resolve.js';
import { envelopeOptions } from './envelope-options.js';

/** Every setting the CLI knows, then `extra` (a capturing fetch for --dry-run, retries, ...). */
export function walletClientConfig(
  config: ResolvedConfig,
  extra: Partial<WalletClientConfig> = {},
): WalletClientConfig {
  const envelope = envelopeOptions(config);
  const authProfile = optionalSetting(config, 'authProfile');
  const timeout = optionalSetting(config, 'timeout');
  return {
    baseUrl: requireSetting(config, 'baseUrl'),
    merchantKey: requireSetting(config, 'merchantKey'),
    merchantSalt: requireSetting(config, 'merchantSalt'),
    encryptionKey: envelope.key,
    ...(envelope.iv === undefined ? {} : { iv: envelope.iv }),
    ...(authProfile === undefined ? {} : { authProfile }),
    ...(timeout === undefined ? {} : { timeout: Number(timeout) }),
    ...extra,
  };
}
