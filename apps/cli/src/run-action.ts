/**
 * Wraps a command's action: builds its context, and turns a thrown error into the printed code,
 * message and hint and the matching exit code.
 */
import type { Command } from 'commander';
import { CommandContext } from './context.js';
import type { ExitCode } from './errors.js';
import { toCliError } from './to-cli-error.js';

export type ActionHandler<Args extends unknown[]> = (
  context: CommandContext,
  ...args: Args
) => Promise<ExitCode | undefined> | ExitCode | undefined;

/**
 * A commander action calling `handler(context, ...positionals, options)`. The process exit code is
 * what the handler returns (0 when nothing), or the error's exit code.
 */
export function runAction<Args extends unknown[]>(
  handler: ActionHandler<Args>,
): (...commanderArgs: unknown[]) => Promise<void> {
  return async (...commanderArgs: unknown[]) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    const context = new CommandContext(command);
    try {
      const code = await handler(context, ...(commanderArgs.slice(0, -1) as Args));
      process.exitCode = code ?? 0;
    } catch (error) {
      const failure = toCliError(error);
      context.output.error(failure);
      process.exitCode = failure.exitCode;
    }
  };
}
