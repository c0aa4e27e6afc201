import type { Command } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';
import type { EncryptOptions } from './run.js';

export function registerEnvelope(program: Command): void {
  withExamples(
    program
      .command('encrypt')
      .description('seal a JSON object into an envelope token with the configured key and IV mode')
      .option('-d, --data <json>', 'the JSON object, or @file.json (default: stdin)')
      .action(
        runAction(async (context, options: EncryptOptions) =>
          (await import('./run.js')).encrypt(context, options),
        ),
      ),
    `wallet encrypt --data '{"messageCode":1930,"customerMobile":"917001122334"}'`,
    'wallet encrypt --json < request.json > body.json',
  );
  withExamples(
    program
      .command('decrypt')
      .description(
        'open an envelope token, or a whole {"result": ...} / {"token": ...} body, and print the JSON',
      )
      .argument('[token]', 'the token or the body, or @file (default: stdin)')
      .action(
        runAction(async (context, token: string | undefined) =>
          (await import('./run.js')).decrypt(context, token),
        ),
      ),
    'wallet decrypt "$TOKEN"',
    `curl -s ... | wallet decrypt`,
  );
}
