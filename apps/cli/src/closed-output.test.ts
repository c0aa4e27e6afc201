import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endQuietlyWhenOutputCloses, type OutputStream } from './closed-output.js';
import { assertBuilt, spawnCli, tempDir } from './test-support.js';

const dir = tempDir();
beforeAll(assertBuilt);
afterAll(() => dir.remove());

/** Runs the CLI with its stdout closed before it writes anything, as `| head -1` does. */
function runWithClosedStdout(
  args: readonly string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawnCli(args, { configHome: dir.path });
  child.stdout?.destroy();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  child.stdin?.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed stdout', () => {
  it.each([
    [['--help']],
    [['customer', 'register', '--help']],
    [['completion', 'bash']],
    [['keys', 'generate']],
  ])('ends wallet %j quietly with exit code 0', async (args) => {
    const result = await runWithClosedStdout(args);
    expect(result).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('keeps the exit code a command has already set, and passes other errors on', () => {
    const stream = new EventEmitter() as EventEmitter & OutputStream;
    const exits: number[] = [];
    endQuietlyWhenOutputCloses([stream], (code) => exits.push(code));
    const previous = process.exitCode;
    try {
      process.exitCode = 3;
      stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    } finally {
      process.exitCode = previous;
    }
    expect(exits).toEqual([3]);
    const other = Object.assign(new Error('write EIO'), { code: 'EIO' });
    expect(() => stream.emit('error', other)).toThrow(other);
  });
});
