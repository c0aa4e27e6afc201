/** The envelope settings (key, IV mode, fixed IV) as `@wallet/crypto` takes them. */
import type { EnvelopeOptions } from '@wallet/crypto';
import { optionalSetting, type ResolvedConfig, requireSetting } from '../config/resolve.js';
import { ConfigError } from '../errors.js';

/**
 * The key always; the IV mode `prefix` unless it says `fixed`, or unless only a fixed IV is given
 * (an IV is only ever configured for the fixed mode).
 */
export function envelopeOptions(config: ResolvedConfig): EnvelopeOptions {
  const key = requireSetting(config, 'encryptionKey');
  const iv = optionalSetting(config, 'iv');
  const mode = optionalSetting(config, 'ivMode') ?? (iv === undefined ? 'prefix' : 'fixed');
  if (mode === 'prefix') return { key };
  if (mode === 'fixed') return { key, iv: { fixed: requireSetting(config, 'iv') } };
  throw new ConfigError('CONFIG_INVALID', 'The IV mode must be prefix or fixed.', {
    hint: 'Set --iv-mode (WALLET_IV_MODE) to prefix or fixed.',
  });
}
