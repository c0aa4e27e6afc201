import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError } from '../errors.js';
import { openStore } from '../open-store.js';
import { SQLITE_MIGRATIONS } from '../schema/migrations.js';
import { describeStoreConformance, type StoreHarness } from '../testing/store-conformance.js';
import type { SqliteConnection } from './connection.js';
import { openSqliteConnection } from './driver.js';

/** A SQLite file in a fresh temporary directory, removed afterwards. */
function fileHarness(): StoreHarness & { path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wallet-store-'));
  const path = join(dir, 'store.db');
  let raw: SqliteConnection | undefined;
  return {
    path,
    url: `sqlite:${path}`,
    open: (options) => openStore(`sqlite:${path}`, options),
    rawQuery: async (sql) => {
      raw ??= await openSqliteConnection(path);
      // Plain objects: node:sqlite's rows have no prototype.
      return raw
        .prepare(sql)
        .all([])
        .map((row) => ({ ...row }));
    },
    dispose: async () => {
      raw?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStoreConformance('SQLite', async () => fileHarness());

describe('SQLite store specifics', () => {
  const harness = fileHarness();
  beforeAll(async () => {
    await (await harness.open()).close();
  });
  afterAll(() => harness.dispose());

  it('uses the WAL journal and STRICT tables', async () => {
    expect(await harness.rawQuery('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const tables = await harness.rawQuery(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    expect(tables).toEqual(
      [
        'customers',
        'idempotency_records',
        'ledger_entries',
        'merchants',
        'payments',
        'pg_load_top_ups',
        'refunds',
        'schema_migrations',
        'wallets',
      ].map((name) => ({ name, strict: 1 })),
    );
  });

  it('migrates once when two stores open a new file at the same time', async () => {
    const fresh = fileHarness();
    try {
      const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
      await Promise.all(stores.map((store) => store.close()));
      expect(
        await fresh.rawQuery('SELECT version FROM schema_migrations ORDER BY version'),
      ).toEqual(SQLITE_MIGRATIONS.map(({ version }) => ({ version })));
    } finally {
      await fresh.dispose();
    }
  });

  it('answers STORE_UNAVAILABLE while another connection holds the write lock too long, then recovers', async () => {
    const store = await harness.open({ busyTimeoutMs: 50 });
    try {
      await harness.rawQuery('BEGIN IMMEDIATE');
      const started = Date.now();
      const error = await store.reset().catch((caught: unknown) => caught);
      expect(isStoreError(error, 'STORE_UNAVAILABLE')).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
      await harness.rawQuery('COMMIT');
      await store.reset();
    } finally {
      await store.close();
    }
  });

  it('gives each :memory: store its own private database', async () => {
    const a = await openStore(':memory:');
    const b = await openStore('sqlite::memory:');
    try {
      const merchant = {
        merchantKey: 'mem',
        salt: 's',
        aesKeyHex: 'ab'.repeat(24),
        ivMode: 'prefix' as const,
      };
      await a.ensureMerchant(merchant);
      expect(await a.getMerchant('mem')).not.toBeNull();
      expect(await b.getMerchant('mem')).toBeNull();
      expect(a.backend).toBe('sqlite');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fails with STORE_UNAVAILABLE when the file cannot be opened', async () => {
    const error = await openStore(join(harness.path, 'nested', 'store.db')).catch(
      (caught: unknown) => caught,
    );
    expect(isStoreError(error, 'STORE_UNAVAILABLE')).toBe(true);
  });
});
