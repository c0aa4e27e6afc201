import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from './import/progress.js';
import {
  assertBuilt,
  baseEnv,
  CLI,
  type RunningSandbox,
  startSandbox,
  tempDir,
} from './test-support.js';

const dir = tempDir();
const socket = `wallet-cli-test-${process.pid}`;
let sandbox: RunningSandbox;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (result.error !== undefined) {
    throw new Error(
      'tmux is needed to drive the progress bar in a real terminal: apt-get install -y tmux',
    );
  }
  if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox();
});
afterAll(async () => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  await sandbox.close();
  dir.remove();
});

describe('the import progress display', () => {
  it('draws a bar with the rate and the ETA in a real terminal (tmux)', async () => {
    const rows = 3000;
    const lines = ['firstName,dateOfBirth,mobileNumber'];
    for (let row = 1; row <= rows; row += 1) lines.push(`Ann,01-01-1990,91${7_500_000_000 + row}`);
    writeFileSync(join(dir.path, 'people.csv'), `${lines.join('\n')}\n`);
    const env = { ...baseEnv(dir.path), ...sandbox.env };
    const script = [
      ...Object.entries(env).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
      `cd ${shellQuote(dir.path)}`,
      `${shellQuote(process.execPath)} ${shellQuote(CLI)} import people.csv --product-id 35 --concurrency 1`,
      'sleep 60',
    ].join('\n');
    writeFileSync(join(dir.path, 'run.sh'), script);
    tmux(
      'new-session',
      '-d',
      '-s',
      'import',
      '-x',
      '160',
      '-y',
      '12',
      `bash ${shellQuote(join(dir.path, 'run.sh'))}`,
    );

    const bar =
      /importing \[[█░]{30}\] (\d+)% \| (\d+)\/3000 rows \| (\d+) rows\/s \| ETA (\d+s|\d+m\d\ds) \| 0 not registered/;
    let screen = '';
    let match: RegExpExecArray | null = null;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      screen = tmux('capture-pane', '-p', '-t', 'import');
      match = bar.exec(screen);
      if (match !== null && Number(match[2]) > 0 && Number(match[2]) < rows) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(screen).toMatch(bar);
    expect(Number(match?.[3])).toBeGreaterThan(0);
    // One bar redrawn in place, not a line per update.
    expect(screen.match(/importing \[/g)).toHaveLength(1);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [42.4, '42s'],
    [185, '3m05s'],
    [3720, '1h02m'],
    [Number.NaN, '?'],
    [-1, '?'],
  ])('%s seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
