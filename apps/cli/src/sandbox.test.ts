import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoServerEntry } from './commands/sandbox/run.js';
import { CliError } from './errors.js';
import { tempDir } from './test-support.js';

let apps: ReturnType<typeof tempDir>;
beforeEach(() => {
  apps = tempDir('wallet-apps-');
});
afterEach(() => apps.remove());

function failure(): CliError {
  try {
    demoServerEntry(apps.path);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('demoServerEntry found an entry');
}

describe('wallet sandbox start: finding the demo server', () => {
  it('says so clearly when apps/demo-server is not there', () => {
    const error = failure();
    expect(error).toMatchObject({ code: 'SANDBOX_UNAVAILABLE', exitCode: 2 });
    expect(error.message).toContain('apps/demo-server');
  });

  it('says how to build it when its entry is missing', () => {
    mkdirSync(join(apps.path, 'demo-server'));
    writeFileSync(
      join(apps.path, 'demo-server', 'package.json'),
      JSON.stringify({ bin: { 'wallet-demo-server': './dist/main.js' } }),
    );
    const error = failure();
    expect(error.message).toContain('not built');
    expect(error.hint).toContain('pnpm --filter @wallet/demo-server build');
  });

  it('runs the wallet-demo-server bin when it is built', () => {
    mkdirSync(join(apps.path, 'demo-server', 'dist'), { recursive: true });
    writeFileSync(
      join(apps.path, 'demo-server', 'package.json'),
      JSON.stringify({ bin: { 'wallet-demo-server': './dist/main.js' } }),
    );
    const entry = join(apps.path, 'demo-server', 'dist', 'main.js');
    writeFileSync(entry, '');
    chmodSync(entry, 0o755);
    expect(demoServerEntry(apps.path)).toBe(entry);
  });
});
