/** `@wallet/checkout`'s settings from the resolved CLI configuration. */
import type { CheckoutConfig } from '@wallet/checkout';
import { optionalSetting, type ResolvedConfig, requireSetting } from '../config/resolve.js';
import { ConfigError } from '../errors.js';
import { envelopeOptions } from './envelope-options.js';

export interface CheckoutConfigOptions {
  /** The wallet's envelope (encryption key, IV mode), for the seamless mode's `encdata`. */
  readonly envelope?: boolean;
}

/**
 * The gateway of `wallet pay`: `--gateway` (test, production or a sandbox URL), else the base URL,
 * which a sandbox serves `/_payment` and `/merchant/postservice.php` on.
 */
function gateway(config: ResolvedConfig): string {
  const named = optionalSetting(config, 'gateway') ?? optionalSetting(config, 'baseUrl');
  if (named !== undefined) return named;
  throw new ConfigError('CONFIG_MISSING', 'No payment gateway is configured.', {
    hint: 'Pass --gateway test, --gateway production, or the base URL of a sandbox (--base-url); WALLET_GATEWAY and `wallet config set gateway` work too.',
    details: { setting: 'gateway', profile: config.profile },
  });
}

export function checkoutConfig(
  config: ResolvedConfig,
  options: CheckoutConfigOptions = {},
): CheckoutConfig {
  const bankcode = optionalSetting(config, 'bankcode');
  const timeout = optionalSetting(config, 'timeout');
  const envelope = options.envelope === true ? envelopeOptions(config) : undefined;
  return {
    key: requireSetting(config, 'merchantKey'),
    salt: requireSetting(config, 'merchantSalt'),
    environment: gateway(config),
    ...(bankcode === undefined ? {} : { bankcode }),
    ...(timeout === undefined ? {} : { timeout: Number(timeout) }),
    ...(envelope === undefined ? {} : { encryptionKey: envelope.key }),
    ...(envelope?.iv === undefined ? {} : { ivMode: envelope.iv }),
  };
}
