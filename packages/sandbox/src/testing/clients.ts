/** Clients for the sandbox's two test merchants. */
import { FIXED_MERCHANT, PREFIX_MERCHANT } from './requests.js';
import { type ClientCredentials, WalletTestClient } from './wallet-test-client.js';

/** The credentials of a configured test merchant (what a client needs). */
export function credentialsOf(merchantKey: string): ClientCredentials {
  const config = [PREFIX_MERCHANT, FIXED_MERCHANT].find((m) => m.merchantKey === merchantKey);
  if (config === undefined) throw new Error(`no test merchant ${merchantKey}`);
  const key =
    config.encryptionKey.length === 48
      ? config.encryptionKey
      : Buffer.from(config.encryptionKey, 'base64').toString('hex');
  return {
    merchantKey: config.merchantKey,
    salt: config.salt,
    encryptionKey: key,
    ivMode: config.ivMode ?? 'prefix',
    iv: config.iv ?? null,
  };
}

/** One client per URL, all for the same merchant; requests go round-robin over them. */
export function clientsFor(urls: readonly string[], merchantKey: string): WalletTestClient[] {
  const merchant = credentialsOf(merchantKey);
  return urls.map((target) => new WalletTestClient({ target, merchant }));
}
