import type { Command } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';

export function registerSandbox(program: Command): void {
  const sandbox = withExamples(
    program.command('sandbox').description('run the local wallet sandbox'),
    'wallet sandbox start',
  );
  withExamples(
    sandbox
      .command('start')
      .description(
        'run the demo server (apps/demo-server): the sandbox over HTTP; arguments after -- go to it',
      )
      .argument('[args...]', 'arguments for the demo server (see its --help)')
      .allowUnknownOption()
      .action(
        runAction(async (context, args: readonly string[]) =>
          (await import('./run.js')).startSandbox(context, args),
        ),
      ),
    'wallet sandbox start',
    'wallet sandbox start -- --help',
  );
}
