/** Generated merchant credentials, and the helper credentials derived from a merchant's salt. */
import { createHmac, randomBytes } from 'node:crypto';
import { generateKey } from '@wallet/crypto';
import type { NewMerchant } from '../store/records.js';
import type { HelperCredentials } from './merchant-config.js';

/** The key of the merchant a sandbox creates when none is configured or stored. */
export const GENERATED_MERCHANT_KEY = 'sandbox';

/** Fresh credentials for the generated merchant: a 32-byte hex salt, a random AES-192 key, prefix IVs. */
export function generateMerchant(): NewMerchant {
  return {
    merchantKey: GENERATED_MERCHANT_KEY,
    salt: randomBytes(32).toString('hex'),
    aesKeyHex: generateKey(),
    ivMode: 'prefix',
    ivHex: null,
  };
}

function derive(salt: string, label: string): Buffer {
  return createHmac('sha256', salt).update(`@wallet/sandbox helper ${label}`, 'utf8').digest();
}

/**
 * The helper credentials a merchant gets when its configuration does not name them: derived from
 * the salt with HMAC-SHA256, so they are the same on every start and in every process sharing the
 * database, and need no storage. `apiKey` 32 hex characters, `clientId` `client-` + 8 hex,
 * `bankId` 6 digits, `secureCode` 16 hex characters.
 */
export function deriveHelperCredentials(salt: string): HelperCredentials {
  const bank = derive(salt, 'bankId').readUInt32BE(0) % 900_000;
  return {
    apiKey: derive(salt, 'apiKey').toString('hex').slice(0, 32),
    clientId: `client-${derive(salt, 'clientId').toString('hex').slice(0, 8)}`,
    bankId: String(100_000 + bank),
    secureCode: derive(salt, 'secureCode').toString('hex').slice(0, 16),
  };
}
