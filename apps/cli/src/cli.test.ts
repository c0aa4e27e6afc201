import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { completionTree } from './completion/tree.js';
import { buildProgram } from './program.js';
import { assertBuilt, runCli, tempDir } from './test-support.js';

const dir = tempDir();
const run = (args: readonly string[]) => runCli(args, { configHome: dir.path });
const commandPaths = completionTree(buildProgram())
  .map((node) => node.path)
  .filter((path) => path !== '' && !path.endsWith('help'));

beforeAll(assertBuilt);
afterAll(() => dir.remove());

describe('the wallet command', () => {
  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it.each(commandPaths)('wallet %s --help shows the usage and an example', async (path) => {
    const result = await run([...path.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: wallet ${path} `);
    expect(result.stdout).toMatch(/\nExamples:\n {2}\$ wallet /);
  });

  it('answers an unknown command or option with exit code 2, a message and a hint', async () => {
    const command = await run(['lod']);
    expect(command.code).toBe(2);
    expect(command.stdout).toBe('');
    expect(command.stderr).toMatch(
      /^Error USAGE: Unknown command 'lod' \(Did you mean load\?\)\nHint: /,
    );
    const option = await run(['load', '--amount', '5']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^Error USAGE: Unknown option '--amount'/);
  });

  it('prints usage errors as JSON with --json', async () => {
    const result = await run(['--json', 'encrypt', '--bogus']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'USAGE', exitCode: 2 } });
  });

  it('shows a group help when a subcommand is missing, with exit code 2', async () => {
    const result = await run(['customer']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('register [options]');
  });
});

describe('wallet completion', () => {
  const script = (shell: string) => {
    const result = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '..', 'dist', 'wallet.js'), 'completion', shell],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    const file = join(dir.path, `completion.${shell}`);
    writeFileSync(file, result.stdout);
    return file;
  };

  /** Runs the bash completion function for the words typed so far; the last word is the cursor's. */
  function bashComplete(file: string, words: readonly string[]): string[] {
    const quoted = words.map((word) => `'${word}'`).join(' ');
    const result = spawnSync(
      'bash',
      [
        '-c',
        `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _wallet_completion; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter((line) => line !== '');
  }

  /** The same with zsh, `compadd` and `_files` replaced by functions that print what they get. */
  function zshComplete(file: string, words: readonly string[]): string[] {
    const quoted = words.map((word) => `'${word}'`).join(' ');
    const result = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        `source '${file}'; compadd() { shift; print -l -- "$@"; }; _files() { print '<files>'; }; words=(${quoted}); CURRENT=${words.length}; _wallet`,
      ],
      { encoding: 'utf8' },
    );
    if (result.error !== undefined) {
      throw new Error('zsh is needed for this test: apt-get install -y zsh');
    }
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter((line) => line !== '');
  }

  it('completes commands, subcommands and flags in bash', () => {
    const file = script('bash');
    expect(bashComplete(file, ['wallet', 'cu'])).toEqual(['customer']);
    expect(bashComplete(file, ['wallet', 'customer', ''])).toEqual(['register', 'get', 'update']);
    expect(bashComplete(file, ['wallet', '--json', 'customer', 'register', '--mobile'])).toEqual([
      '--mobile-number',
    ]);
    expect(bashComplete(file, ['wallet', 'status', 'check', '--verify'])).toEqual([
      '--verifyclient-txn-id',
    ]);
    expect(bashComplete(file, ['wallet', 'import', 'file.csv', '--res'])).toEqual([
      '--results',
      '--resume',
    ]);
    // After a command without subcommands, bash falls back to file names.
    expect(bashComplete(file, ['wallet', 'import', ''])).toEqual([]);
    expect(bashComplete(file, ['wallet', 'pay', ''])).toEqual([
      'form',
      's2s',
      'verify',
      'refund',
      'refund-status',
      'balance',
      'verify-callback',
      'hash',
    ]);
    expect(bashComplete(file, ['wallet', 'pay', 'hash', '--k'])).toEqual(['--kind', '--key']);
    expect(bashComplete(file, ['wallet', '--gat'])).toEqual(['--gateway']);
    expect(bashComplete(file, ['wallet', 'top'])).toEqual(['topup', 'topup-status']);
    expect(bashComplete(file, ['wallet', 'topup-'])).toEqual(['topup-status']);
  });

  it('completes commands, subcommands and flags in zsh', () => {
    const file = script('zsh');
    expect(zshComplete(file, ['wallet', 'status', ''])).toEqual(['check', 'change']);
    expect(zshComplete(file, ['wallet', 'load', '--'])).toContain('--transaction-amount');
    expect(zshComplete(file, ['wallet', 'load', '--'])).not.toContain('--version');
    expect(zshComplete(file, ['wallet', 'import', ''])).toEqual(['<files>']);
    expect(zshComplete(file, ['wallet', 'pay', 'refund', '--'])).toContain('--idempotency-key');
    expect(zshComplete(file, ['wallet', 'pay', 'verify-callback', ''])).toEqual(['<files>']);
  });

  it('refuses other shells', async () => {
    const result = await run(['completion', 'fish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Completion is available for bash and zsh, not fish.');
  });
});
