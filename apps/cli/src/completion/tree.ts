/** The command tree as shell completion needs it: each command path, its subcommands and flags. */
import type { Command } from 'commander';

export interface CompletionNode {
  /** The words after `wallet` that lead here: `''` for the root, `'customer register'`, ... */
  readonly path: string;
  readonly subcommands: readonly string[];
  readonly options: readonly string[];
}

function flagsOf(command: Command): string[] {
  const flags: string[] = [];
  for (const option of command.options) {
    if (option.long !== undefined) flags.push(option.long);
    if (option.short !== undefined) flags.push(option.short);
  }
  return flags;
}

const VERSION_FLAGS: ReadonlySet<string> = new Set(['--version', '-V']);

/** Every command of the tree under `root`, with the root's (global) flags on each. */
export function completionTree(root: Command): CompletionNode[] {
  const globals = flagsOf(root);
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string): void => {
    const own = command === root ? [] : flagsOf(command);
    // --version only means something on the program itself.
    const inherited =
      command === root ? globals : globals.filter((flag) => !VERSION_FLAGS.has(flag));
    nodes.push({
      path,
      subcommands: command.commands.map((sub) => sub.name()),
      options: [...new Set([...own, ...inherited, '--help'])],
    });
    for (const sub of command.commands)
      visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(root, '');
  return nodes;
}

/** A shell single-quoted word. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
