/** The envelope settings (key, IV mode, fixed IV) as `@wallet/crypto` takes them. */
import { walletConfigFromEnv, walletEnvVariables } from '@wallet/client';
import type { EnvelopeOptions } from '@wallet/crypto';
import { optionalSetting, type ResolvedConfig, requireSetting } from '../config/resolve.js';

/**
 * The key, and the IV as the client reads WALLET_IV_MODE and WALLET_IV (whichever of flag,
 * environment or profile gave them): `prefix` by default, `{ fixed }` with the mode `fixed` and an
 * IV; any other combination is the client's WalletConfigError.
 */
export function envelopeOptions(config: ResolvedConfig): EnvelopeOptions {
  const key = requireSetting(config, 'encryptionKey');
  const { iv } = walletConfigFromEnv({
    [walletEnvVariables.ivMode]: optionalSetting(config, 'ivMode'),
    [walletEnvVariables.iv]: optionalSetting(config, 'iv'),
  });
  return iv === undefined ? { key } : { key, iv };
}
