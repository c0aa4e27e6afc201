/**
 * Start-up: stores the configured merchants, or reuses the stored ones, or creates one merchant
 * and prints its credentials once so a user can copy them.
 */
import { GENERATED_MERCHANT_KEY, generateMerchant } from '../config/credentials.js';
import { HELPER_ENV, MERCHANT_ENV } from '../config/load-merchants.js';
import type { ResolvedMerchantConfig } from '../config/merchant-config.js';
import { MerchantCredentialsMismatchError } from '../errors.js';
import type { Merchant, NewMerchant } from '../store/records.js';
import type { Store } from '../store/store-api.js';
import type { MerchantRegistry, SandboxMerchant } from './registry.js';

/** Where start-up messages meant for a person go (not the structured log). */
export type SandboxOutput = (text: string) => void;

/** Where the sandbox found its merchants at start-up. */
export type MerchantSource = 'configured' | 'stored' | 'generated';

function sameCredentials(stored: Merchant, wanted: NewMerchant): boolean {
  return (
    stored.salt === wanted.salt &&
    stored.aesKeyHex === wanted.aesKeyHex.toLowerCase() &&
    stored.ivMode === wanted.ivMode &&
    (stored.ivHex ?? null) === (wanted.ivHex ?? null)
  );
}

/** The text printed once when the sandbox creates its merchant: every credential, ready to copy. */
export function formatGeneratedCredentials(merchant: SandboxMerchant): string {
  const lines = [
    `@wallet/sandbox created merchant "${merchant.merchantKey}" and stored it in its database.`,
    'Its credentials are shown this once; later starts reuse them without printing them again:',
    '',
    `${MERCHANT_ENV.merchantKey}=${merchant.merchantKey}`,
    `${MERCHANT_ENV.salt}=${merchant.salt}`,
    `${MERCHANT_ENV.encryptionKey}=${merchant.encryptionKey}`,
    `${MERCHANT_ENV.ivMode}=${merchant.ivMode}`,
    ...(merchant.iv === null ? [] : [`${MERCHANT_ENV.iv}=${merchant.iv}`]),
    `${HELPER_ENV.apiKey}=${merchant.helper.apiKey}`,
    `${HELPER_ENV.clientId}=${merchant.helper.clientId}`,
    `${HELPER_ENV.bankId}=${merchant.helper.bankId}`,
    `${HELPER_ENV.secureCode}=${merchant.helper.secureCode}`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Makes the sandbox's merchants active in `registry`:
 * - configured merchants are stored (first writer wins) and must match what is stored;
 * - with none configured, every stored merchant is reused;
 * - with none stored either, merchant `sandbox` is created and its credentials are printed through
 *   `output`. When several processes start at once on one database, only the one whose merchant
 *   was stored prints; the others reuse it.
 * @throws {MerchantCredentialsMismatchError} when a configured key is stored with other secrets.
 */
export async function bootstrapMerchants(options: {
  store: Store;
  registry: MerchantRegistry;
  configured: readonly ResolvedMerchantConfig[];
  output: SandboxOutput;
}): Promise<MerchantSource> {
  const { store, registry, configured, output } = options;
  if (configured.length > 0) {
    for (const merchant of configured) {
      const wanted: NewMerchant = {
        merchantKey: merchant.merchantKey,
        salt: merchant.salt,
        aesKeyHex: merchant.aesKeyHex,
        ivMode: merchant.ivMode,
        ivHex: merchant.ivHex,
      };
      const stored = await store.ensureMerchant(wanted);
      if (!sameCredentials(stored, wanted)) {
        throw new MerchantCredentialsMismatchError(merchant.merchantKey);
      }
      registry.add(stored);
    }
    return 'configured';
  }
  const stored = await store.listMerchants();
  if (stored.length > 0) {
    for (const merchant of stored) registry.add(merchant);
    return 'stored';
  }
  const generated = generateMerchant();
  const winner = await store.ensureMerchant(generated);
  const active = registry.add(winner);
  if (winner.merchantKey === GENERATED_MERCHANT_KEY && winner.salt === generated.salt) {
    output(formatGeneratedCredentials(active.credentials));
    return 'generated';
  }
  return 'stored';
}
