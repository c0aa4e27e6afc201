/** The `wallet` executable: parses the command line and sets the exit code. */
import { CommanderError } from 'commander';
import { endQuietlyWhenOutputCloses } from './closed-output.js';
import { ExitCode, UsageError } from './errors.js';
import { Output } from './output.js';
import { buildProgram } from './program.js';
import { toCliError } from './to-cli-error.js';

function commanderFailure(error: CommanderError): UsageError {
  const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  const sentence = /[.?)]$/.test(message) ? message : `${message}.`;
  return new UsageError(sentence.charAt(0).toUpperCase() + sentence.slice(1), {
    hint: 'Run the command with --help to see its arguments, options and an example.',
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const output = new Output({ json: argv.includes('--json'), debug: argv.includes('--debug') });
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with 0; a group called without its subcommand has printed
      // its help already.
      if (error.exitCode === 0) process.exitCode = ExitCode.Success;
      else if (error.code === 'commander.help') process.exitCode = ExitCode.Usage;
      else {
        output.error(commanderFailure(error));
        process.exitCode = ExitCode.Usage;
      }
      return;
    }
    const failure = toCliError(error);
    output.error(failure);
    process.exitCode = failure.exitCode;
  }
}

endQuietlyWhenOutputCloses();
await main(process.argv);
