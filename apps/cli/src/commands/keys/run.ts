/** `wallet keys generate`. */
import { randomBytes } from 'node:crypto';
import { generateKey } from '@wallet/crypto';
import { SETTINGS } from '../../config/settings.js';
import type { CommandContext } from '../../context.js';

export interface KeysGenerateOptions {
  readonly fixedIv?: boolean;
}

function envName(name: 'encryptionKey' | 'ivMode' | 'iv'): string {
  return SETTINGS.find((setting) => setting.name === name)?.env ?? name;
}

/**
 * Prints a fresh key (and IV) as environment assignments, ready for a `.env` file; with `--json`
 * as `{"encryptionKey", "ivMode"?, "iv"?}`. Generating is the one time a secret is printed: it
 * exists nowhere else yet.
 */
export function generateKeys(context: CommandContext, options: KeysGenerateOptions): undefined {
  const encryptionKey = generateKey();
  const data: Record<string, string> = { encryptionKey };
  if (options.fixedIv === true) {
    data.ivMode = 'fixed';
    data.iv = randomBytes(16).toString('hex');
  }
  context.output.result(data, () =>
    Object.entries(data)
      .map(([name, value]) => `${envName(name as 'encryptionKey' | 'ivMode' | 'iv')}=${value}`)
      .join('\n'),
  );
  return undefined;
}
