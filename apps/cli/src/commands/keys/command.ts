import type { Command } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';
import type { KeysGenerateOptions } from './run.js';

export function registerKeys(program: Command): void {
  const keys = withExamples(
    program.command('keys').description('make keys for a test program'),
    'wallet keys generate',
  );
  withExamples(
    keys
      .command('generate')
      .description(
        'print a new random AES-192 encryption key (48 hex characters), and with --fixed-iv an IV',
      )
      .option('--fixed-iv', 'also print a random 16-byte IV for programs that use a fixed IV')
      .action(
        runAction(async (context, options: KeysGenerateOptions) =>
          (await import('./run.js')).generateKeys(context, options),
        ),
      ),
    'wallet keys generate',
    'wallet keys generate --fixed-iv >> .env',
    'wallet config set encryption-key "$(wallet keys generate --json | jq -r .encryptionKey)"',
  );
}
