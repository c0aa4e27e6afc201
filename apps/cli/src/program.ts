/**
 * The `wallet` command tree. Defining it loads nothing heavy: each action imports what it needs
 * (the schemas and zod, the client, csv-parse) when it runs, so `wallet --version` starts fast.
 */
import { Command, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerApiCommands } from './commands/api.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config.js';
import { registerEnvelope } from './commands/envelope.js';
import { registerFixtures } from './commands/fixtures.js';
import { registerImport } from './commands/import.js';
import { registerKeys } from './commands/keys.js';
import { registerLogs } from './commands/logs.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerSigning } from './commands/signing.js';
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
  registerImport(program);
  registerConfig(program);
  registerSandbox(program);
  registerLogs(program);
  registerFixtures(program);
  registerCompletion(program);
  return program;
}
