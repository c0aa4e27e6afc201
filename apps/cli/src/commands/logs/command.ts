import type { Command } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';

interface TailFlags {
  readonly api?: string;
  readonly status?: string;
  readonly clientTxnId?: string;
  readonly merchant?: string;
  readonly lines: string;
  readonly follow: boolean;
}

export function registerLogs(program: Command): void {
  const logs = withExamples(
    program.command('logs').description("the sandbox's request journal"),
    'wallet logs tail',
  );
  withExamples(
    logs
      .command('tail')
      .description(
        'print the latest requests the sandbox answered (bodies decrypted, personal data masked), then follow new ones; --json prints one JSON object per line',
      )
      .option('--api <name>', 'only this API (registerCustomer, load, encrypt, ...)')
      .option('--status <status>', 'only this HTTP status (401) or class (4xx)')
      .option('--client-txn-id <id>', 'only requests with this clientTxnId')
      .option('--merchant <key>', 'only requests of this merchant')
      .option('-n, --lines <n>', 'how many of the latest requests to print first', '20')
      .option('--no-follow', 'print the latest requests and stop')
      .action(
        runAction(async (context, flags: TailFlags) =>
          (await import('./run.js')).tailLogs(context, flags),
        ),
      ),
    'wallet logs tail',
    'wallet logs tail --api load --status 4xx',
    'wallet logs tail --client-txn-id order-0001 --no-follow --json',
    'WALLET_ADMIN_TOKEN=... wallet --base-url http://10.0.0.5:8080 logs tail',
  );
}
