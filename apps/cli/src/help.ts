/** Help-text helpers shared by the command definitions. */
import type { Command } from 'commander';

/** Adds an "Examples:" section to a command's `--help`. */
export function withExamples(command: Command, ...examples: readonly string[]): Command {
  const lines = examples.map((line) => `  $ ${line}`).join('\n');
  return command.addHelpText('after', `\nExamples:\n${lines}\n`);
}
