/** The demo server's developer-tool flags, run as the built `wallet-demo-server`. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const dirs: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-flags-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

function start(
  args: string[],
): Promise<{ code: number | null; out: string; err: string; url?: string }> {
  const child = spawn(
    process.execPath,
    [MAIN, '--port', '0', '--database', ':memory:', '--log-level', 'silent', ...args],
    {
      env: { PATH: process.env.PATH ?? '' },
    },
  );
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url !== undefined && out.includes('dashboard')) resolve({ code: null, out, err, url });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('wallet-demo-server developer-tool flags', () => {
  it('seeds at start, applies a faults file, and serves the dashboard at /', async () => {
    const seed = file('seed.json', {
      customers: [
        {
          firstName: 'Alice',
          dateOfBirth: '12-12-1990',
          mobileNumber: '919900000001',
          balance: 700,
        },
      ],
    });
    const faults = file('faults.json', { routes: { load: { status: 503 } } });
    const server = await start(['--seed', seed, '--faults', faults, '--journal-size', '5']);
    expect(server.out).toContain(`dashboard: ${server.url}/`);
    const page = await fetch(`${server.url}/customers`);
    expect(await page.text()).toContain('₹7.00');
    expect(await (await fetch(`${server.url}/__sandbox/faults`)).json()).toEqual({
      routes: { load: { status: 503 } },
    });
    for (let i = 0; i < 7; i += 1) await fetch(`${server.url}/nowhere`);
    const journal = (await (await fetch(`${server.url}/__sandbox/requests`)).json()) as {
      size: number;
      kept: number;
    };
    expect(journal).toMatchObject({ size: 5, kept: 5 });
  });

  it('refuses a bad seed file naming the field (exit 1) and a bad journal size (exit 2)', async () => {
    const seed = file('seed.json', {
      customers: [{ firstName: 'Alice', dateOfBirth: '12-12-1990', mobileNumber: '42' }],
    });
    const bad = await start(['--seed', seed]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('INVALID_SEED');
    expect(bad.err).toContain('customers[0].mobileNumber: must be 10 to 15 digits');
    const size = await start(['--journal-size', '0']);
    expect(size.code).toBe(2);
    expect(size.err).toContain('--journal-size must be a whole number from 1 to 1000000');
  });

  it('leaves the dashboard out with --no-dashboard', async () => {
    const child = spawn(
      process.execPath,
      [MAIN, '--port', '0', '--database', ':memory:', '--log-level', 'silent', '--no-dashboard'],
      {
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    children.push(child);
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (\S+)/.exec(out)?.[1];
        if (found !== undefined) resolve(found);
      });
    });
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/__sandbox/requests`)).status).toBe(200);
  });
});
