import { describe, expect, it } from 'vitest';
import { InvalidStoreUrlError, isStoreError } from './errors.js';
import { openStore, parseStoreUrl } from './open-store.js';

describe('parseStoreUrl', () => {
  it('routes PostgreSQL URLs to PostgreSQL and everything else to SQLite', () => {
    expect(parseStoreUrl('postgres://u:p@db:5432/x')).toEqual({
      backend: 'postgres',
      connectionString: 'postgres://u:p@db:5432/x',
    });
    expect(parseStoreUrl('postgresql://db/x').backend).toBe('postgres');
    expect(parseStoreUrl(':memory:')).toEqual({ backend: 'sqlite', path: ':memory:' });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ backend: 'sqlite', path: ':memory:' });
    expect(parseStoreUrl('sqlite:./data/sandbox.db')).toEqual({
      backend: 'sqlite',
      path: './data/sandbox.db',
    });
    expect(parseStoreUrl('sqlite:///var/lib/sandbox.db')).toEqual({
      backend: 'sqlite',
      path: '/var/lib/sandbox.db',
    });
    expect(parseStoreUrl('/tmp/sandbox.db')).toEqual({
      backend: 'sqlite',
      path: '/tmp/sandbox.db',
    });
    expect(parseStoreUrl('sandbox.db')).toEqual({ backend: 'sqlite', path: 'sandbox.db' });
  });

  it('refuses other schemes and empty URLs without echoing them', () => {
    for (const url of ['mysql://root:hunter2@db/x', '', '  ', 'sqlite:']) {
      let caught: unknown;
      try {
        parseStoreUrl(url);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidStoreUrlError);
      expect((caught as Error).message).not.toContain('hunter2');
      expect((caught as InvalidStoreUrlError).code).toBe('INVALID_STORE_URL');
    }
  });
});

describe('openStore', () => {
  it('opens an in-memory SQLite store by default for :memory:', async () => {
    const store = await openStore(':memory:');
    expect(store.backend).toBe('sqlite');
    await store.ping();
    await store.close();
  });

  it('rejects invalid pool options with INVALID_ARGUMENT', async () => {
    const error = await openStore('postgres://127.0.0.1:1/x', { poolSize: 0 }).catch(
      (e: unknown) => e,
    );
    expect(isStoreError(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});
