/** Test-only: fresh PostgreSQL databases on the server named by WALLET_TEST_PG_URL. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server's URL, or undefined on a machine without one. */
export const PG_ADMIN_URL: string | undefined = process.env.WALLET_TEST_PG_URL;

/**
 * Fails the importing test file in CI when the PostgreSQL URL is missing: `scripts/test.sh` always
 * starts a server and sets it, so its absence there is a broken setup, not a reason to skip.
 */
export function requirePostgresInCi(): void {
  if (PG_ADMIN_URL === undefined && process.env.CI === 'true') {
    throw new Error(
      'WALLET_TEST_PG_URL must be set in CI: scripts/test.sh starts PostgreSQL and sets it',
    );
  }
}

export async function adminQuery(sql: string, url = PG_ADMIN_URL): Promise<pg.QueryResultRow[]> {
  if (url === undefined) throw new Error('WALLET_TEST_PG_URL is not set');
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, cutting its remaining connections. */
  drop(): Promise<void>;
}

/** A new empty database on the test server. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  if (PG_ADMIN_URL === undefined) throw new Error('WALLET_TEST_PG_URL is not set');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
