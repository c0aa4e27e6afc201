import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreError } from '../errors.js';
import { SqliteBackend } from './backend.js';
import type { SqliteConnection } from './connection.js';
import { openSqliteConnection } from './driver.js';

/**
 * Group commit: the units queued in one round of the event loop share one COMMIT, and none of them
 * settles before it. Observed from a second connection, the only place where "committed" shows.
 */
describe('SQLite group commit', () => {
  let dir: string;
  let path: string;
  let backend: SqliteBackend;
  let observer: SqliteConnection;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wallet-group-'));
    path = join(dir, 'group.db');
    backend = await SqliteBackend.open(path, { busyTimeoutMs: 1000 });
    await backend.write((exec) =>
      exec.script(`
        CREATE TABLE parents (id INTEGER PRIMARY KEY) STRICT;
        CREATE TABLE items (
          id INTEGER PRIMARY KEY,
          parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED,
          amount INTEGER NOT NULL CHECK (amount >= 0)
        ) STRICT;
        INSERT INTO parents (id) VALUES (1);
      `),
    );
    observer = await openSqliteConnection(path);
  });

  afterEach(async () => {
    observer.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedIds = (): number[] =>
    observer
      .prepare('SELECT id FROM items ORDER BY id')
      .all([])
      .map((row) => Number(row.id));

  const insert = (id: number, amount = 1, parent = 1) =>
    backend.write((exec) =>
      exec.execute('INSERT INTO items (id, parent, amount) VALUES ($1, $2, $3)', [
        id,
        parent,
        amount,
      ]),
    );

  it('settles each write only once another connection can read it', async () => {
    const seenAtSettle = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        insert(i + 1).then(() => committedIds().includes(i + 1)),
      ),
    );
    expect(seenAtSettle.every(Boolean)).toBe(true);
    expect(committedIds()).toHaveLength(40);
  });

  it('rolls back a failing unit alone and commits the rest of its group', async () => {
    const results = await Promise.allSettled([insert(1), insert(2, -5), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedIds()).toEqual([1, 3]);
  });

  it('keeps a unit that throws after writing from leaving anything behind', async () => {
    const failing = backend.write(async (exec) => {
      await exec.execute('INSERT INTO items (id, parent, amount) VALUES (7, 1, 1)');
      throw new Error('business rule');
    });
    const results = await Promise.allSettled([insert(6), failing, insert(8)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('business rule'));
    expect(committedIds()).toEqual([6, 8]);
  });

  it('rejects every unit of a group whose COMMIT fails, and keeps none of their changes', async () => {
    // A deferred foreign key is checked at COMMIT: one bad unit makes the whole group's COMMIT fail.
    const results = await Promise.allSettled([insert(1), insert(2, 1, 99), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const result of results) {
      expect(isStoreError((result as PromiseRejectedResult).reason)).toBe(true);
    }
    expect(committedIds()).toEqual([]);
    // The next group starts clean.
    await insert(4);
    expect(committedIds()).toEqual([4]);
  });

  it('lets a read inside an open group see the group and settle after its COMMIT', async () => {
    const write = insert(1);
    const read = backend.read((exec) => exec.query('SELECT count(*) AS n FROM items'));
    const [, rows] = await Promise.all([write, read]);
    expect(rows).toEqual([{ n: 1 }]);
    expect(committedIds()).toEqual([1]);
  });

  it('commits the open group before closing', async () => {
    const pending = insert(1);
    const closed = backend.close();
    await Promise.all([pending, closed]);
    expect(committedIds()).toEqual([1]);
    backend = await SqliteBackend.open(path, { busyTimeoutMs: 1000 });
  });
});
