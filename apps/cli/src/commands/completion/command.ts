import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';

export function registerCompletion(program: Command): void {
  withExamples(
    program
      .command('completion')
      .description('print the shell completion script for bash or zsh')
      .argument('<shell>', 'bash or zsh')
      .action(
        runAction(async (_context, shell: string) => {
          const { completionTree } = await import('../../completion/tree.js');
          const { bashCompletion, zshCompletion } = await import('../../completion/scripts.js');
          const nodes = completionTree(program);
          if (shell === 'bash') process.stdout.write(bashCompletion(program.name(), nodes));
          else if (shell === 'zsh') process.stdout.write(zshCompletion(program.name(), nodes));
          else throw new UsageError(`Completion is available for bash and zsh, not ${shell}.`);
          return undefined;
        }),
      ),
    'wallet completion bash >> ~/.bashrc',
    'source <(wallet completion bash)             # this shell only',
    'wallet completion zsh > ~/.zfunc/_wallet     # with fpath+=(~/.zfunc) before compinit',
  );
}
