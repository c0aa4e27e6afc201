import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stdout: () => string;
  readonly exited: Promise<number | null>;
}

function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const cwd = mkdtempSync(join(tmpdir(), 'demo-server-'));
  dirs.push(cwd);
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--log-level', 'silent', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  children.push(child);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1], stdout: () => out, exited });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });
}

describe('wallet-demo-server', () => {
  it('starts on the default SQLite database, prints the generated merchant once and answers /healthz', async () => {
    const first = await start([]);
    expect(first.stdout()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(first.stdout()).toMatch(/merchant/i);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('drains an in-flight request on SIGTERM before exiting', async () => {
    const server = await start([]);
    const { hostname, port } = new URL(server.url);
    // A request whose body is still arriving when the signal lands.
    const response = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: '/healthz-missing',
          headers: { 'content-type': 'application/json', 'content-length': '2' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write('{');
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end('}'), 300);
      }, 100);
    });
    expect(await response).toBe(404);
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toContain('SIGTERM: draining in-flight requests');
  });

  it('refuses a bad option with exit code 2 and the usage', async () => {
    const child = spawn(process.execPath, [MAIN, '--port', 'eighty'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a whole number from 0 to 65535');
    expect(err).toContain('Usage: wallet-demo-server');
  });

  it('fails to start with exit code 1 on an unusable database URL', async () => {
    const child = spawn(process.execPath, [MAIN, '--database', 'mysql://nowhere/db'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('could not start');
  });
});
