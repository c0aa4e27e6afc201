/**
 * The `wallet` command tree. Defining it loads nothing heavy: each action imports what it needs
 * (the schemas and zod, the client, csv-parse) when it runs, so `wallet --version` starts fast.
 */
import { Command, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerApiCommands } from './commands/api/command.js';
import { registerCompletion } from './commands/completion/command.js';
import { registerConfig } from './commands/config/command.js';
import { registerEnvelope } from './commands/envelope/command.js';
import { registerFixtures } from './commands/fixtures/command.js';
import { registerImport } from './commands/import/command.js';
import { registerKeys } from './commands/keys/command.js';
import { registerLogs } from './commands/logs/command.js';
import { registerPay } from './commands/pay/command.js';
import { registerSandbox } from './commands/sandbox/command.js';
import { registerSigning } from './commands/signing/command.js';
import { SETTINGS } from './config/settings.js';
import { withExamples } from './help.js';

export function buildProgram(): Command {
  const program = new Command('wallet')
    .description(
      'PayU Closed-Loop Wallet from a terminal: keys, the AES envelope, HMAC signing, and every wallet API.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for the command')
    .option('--json', 'print results (and errors, on stderr) as JSON, for scripts')
    .option('--debug', 'print stack traces with errors')
    .option(
      '--profile <name>',
      'profile of the config file to use (default: WALLET_PROFILE or "default")',
    );
  for (const setting of SETTINGS) {
    program.addOption(
      new Option(`--${setting.flag} <value>`, `${setting.description} [env ${setting.env}]`),
    );
  }
  program
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  withExamples(
    program,
    'wallet keys generate',
    'wallet customer get --customer-mobile 917001122334',
  );

  registerKeys(program);
  registerEnvelope(program);
  registerSigning(program);
  registerApiCommands(program);
  registerPay(program);
  registerImport(program);
  registerConfig(program);
  registerSandbox(program);
  registerLogs(program);
  registerFixtures(program);
  registerCompletion(program);
  return program;
}
