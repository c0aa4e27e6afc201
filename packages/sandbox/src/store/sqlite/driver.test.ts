import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStoreError, type SqliteDriverName, SqliteDriverUnavailableError } from '../errors.js';
import { openStore } from '../open-store.js';
import { SqliteBackend } from './backend.js';
import { importBetterSqlite3 } from './better-sqlite3.js';
import { autoSqliteDriver, type DriverSources } from './driver.js';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/** node:sqlite has everything the backend needs from Node 22.16 on (and on Deno 2). */
const hasNodeSqlite = major > 22 || (major === 22 && minor >= 16);
const onBun = (process.versions as Partial<Record<string, string>>).bun !== undefined;
/** The driver `auto` stands for here. */
const autoDriver = onBun ? 'bun:sqlite' : hasNodeSqlite ? 'node:sqlite' : 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'wallet-driver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** This runtime, as it would be without node:sqlite (Node 20). */
const withoutNodeSqlite: DriverSources = {
  runtime: 'node',
  nodeSqlite: () => undefined,
  betterSqlite3: importBetterSqlite3,
};

/** Opens `:memory:` with the given sources and returns the error it fails with. */
async function openFailure(
  driver: 'auto' | SqliteDriverName,
  sources: DriverSources,
): Promise<SqliteDriverUnavailableError> {
  const error = await SqliteBackend.open(':memory:', { busyTimeoutMs: 100, driver }, sources).then(
    async (backend) => {
      await backend.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SqliteDriverUnavailableError);
  return error as SqliteDriverUnavailableError;
}

describe('SQLite driver choice', () => {
  it('uses bun:sqlite on Bun, node:sqlite on Node 22.16+ and Deno, better-sqlite3 before', async () => {
    expect(autoSqliteDriver()).toBe(autoDriver);
    const store = await openStore(':memory:');
    try {
      expect(store.driver).toBe(autoDriver);
      expect(store.backend).toBe('sqlite');
    } finally {
      await store.close();
    }
  });

  it('opens the driver named by sqliteDriver, and refuses a name it does not know', async () => {
    const driver = autoDriver;
    const store = await openStore(join(dir, 'chosen.db'), { sqliteDriver: driver });
    try {
      expect(store.driver).toBe(driver);
    } finally {
      await store.close();
    }
    const error = await openStore(':memory:', {
      sqliteDriver: 'sqlite3' as 'auto',
    }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'INVALID_ARGUMENT')).toBe(true);
  });

  it('refuses node:sqlite on a Node without it, saying which Node it needs and not to retry', async () => {
    const error = await openFailure('node:sqlite', withoutNodeSqlite);
    expect(error.code).toBe('SQLITE_DRIVER_UNAVAILABLE');
    expect(error.problem).toBe('unsupported-runtime');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`Node ${process.version}`);
    expect(error.message).toContain('22.16');
    expect(error.message).toContain('"better-sqlite3"');
    expect(error.message).not.toMatch(/retry/i);
  });

  it('refuses bun:sqlite outside Bun, naming the drivers that run there', async () => {
    const error = await openFailure('bun:sqlite', withoutNodeSqlite);
    expect(error.driver).toBe('bun:sqlite');
    expect(error.problem).toBe('unsupported-runtime');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Bun only');
    expect(error.message).toContain('"auto"');
    expect(error.message).not.toMatch(/retry/i);
  });

  it('refuses better-sqlite3 on Bun and Deno without loading it, naming the driver to use', async () => {
    for (const [runtime, instead] of [
      ['bun', '"bun:sqlite"'],
      ['deno', '"node:sqlite"'],
    ] as const) {
      const error = await openFailure('better-sqlite3', {
        runtime,
        nodeSqlite: () => undefined,
        betterSqlite3: () => Promise.reject(new Error('better-sqlite3 was loaded')),
      });
      expect(error.driver).toBe('better-sqlite3');
      expect(error.problem).toBe('unsupported-runtime');
      expect(error.message).toContain(instead);
      expect(error.message).not.toMatch(/retry/i);
    }
  });
});

describe('a better-sqlite3 native module that does not load', () => {
  it('names the failure and the rebuild command instead of advising a retry', async () => {
    // A file that is no shared library: Node's dlopen fails on it, as on a damaged build.
    const notAnAddon = join(dir, 'better_sqlite3.node');
    writeFileSync(notAnAddon, 'not a shared library\n');
    const error = await openFailure('better-sqlite3', {
      ...withoutNodeSqlite,
      nativeBinding: notAnAddon,
    });
    expect(error.driver).toBe('better-sqlite3');
    expect(error.problem).toBe('load-failed');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`Node ${process.version}`);
    expect(error.message).toContain('npm rebuild better-sqlite3');
    expect(error.message).not.toMatch(/retry/i);
    expect(error.message).not.toContain(dir);
    expect((error.cause as { code?: string }).code).toBe('ERR_DLOPEN_FAILED');
  });

  it('says which Node the module was built for when it was built for another one', async () => {
    // What Node's dlopen throws for a module of another NODE_MODULE_VERSION (Node 24 loading a
    // build made for Node 20), from better-sqlite3's first connection.
    const mismatch = Object.assign(
      new Error(
        "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\n" +
          'NODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. ' +
          'Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).',
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const builtForNode20 = class {
      constructor() {
        throw mismatch;
      }
    };
    const error = await openFailure('auto', {
      runtime: 'node',
      nodeSqlite: () => undefined,
      betterSqlite3: async () =>
        builtForNode20 as unknown as Awaited<ReturnType<typeof importBetterSqlite3>>,
    });
    expect(error.problem).toBe('built-for-another-node');
    expect(error.message).toContain('NODE_MODULE_VERSION 115');
    expect(error.message).toContain(`needs NODE_MODULE_VERSION ${process.versions.modules}`);
    expect(error.message).toContain('npm rebuild better-sqlite3');
    // Without node:sqlite here, the other way out is a newer Node.
    expect(error.message).toContain('Node 22.16 or newer');
    expect(error.message).not.toMatch(/retry/i);
    expect(error.cause).toBe(mismatch);
  });

  it('reports a missing package as not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package 'better-sqlite3'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = await openFailure('better-sqlite3', {
      runtime: 'node',
      nodeSqlite: () => undefined,
      betterSqlite3: () => Promise.reject(missing),
    });
    expect(error.problem).toBe('not-installed');
    expect(error.message).toContain('better-sqlite3 is not installed');
    expect(error.message).toContain('npm install better-sqlite3');
    expect(error.message).not.toMatch(/retry/i);
  });
});
