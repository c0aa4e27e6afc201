import type { Backend } from './backend.js';
import { int } from './rows.js';

/**
 * Brings the schema up to date in one transaction: takes the backend's migration lock (so two
 * processes starting at once apply each migration once), creates the `schema_migrations` table if
 * needed, and applies every migration not yet recorded, in version order. Running it again is a
 * no-op. Versions recorded by a newer release are left alone.
 */
export async function migrate(backend: Backend, now: number): Promise<number[]> {
  return backend.write(async (exec) => {
    await backend.lockMigrations(exec);
    await exec.script(backend.migrationTableSql);
    const rows = await exec.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => int(row, 'version')));
    const pending = [...backend.migrations]
      .sort((a, b) => a.version - b.version)
      .filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await exec.script(migration.sql);
      await exec.execute(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, now],
      );
    }
    return pending.map((migration) => migration.version);
  });
}
