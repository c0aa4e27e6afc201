import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DialectName } from './ddl.js';
import { migrationsFor } from './migrations.js';

/**
 * What databases already ran: the migrations' SQL as it was written by hand, per dialect, before
 * the tables were defined once (fixtures/<dialect>.sql). An applied migration must render to the
 * same text, or a fresh database would get another schema than the existing ones have.
 */
function applied(dialect: DialectName): string {
  return readFileSync(new URL(`./fixtures/${dialect}.sql`, import.meta.url), 'utf8');
}

describe.each(['sqlite', 'postgres'] as const)('the %s migrations', (dialect) => {
  it('write out the schema that databases already have, byte for byte', () => {
    const rendered = migrationsFor(dialect)
      .map(({ version, name, sql }) => `-- ${version}: ${name}\n${sql}`)
      .join('\n');
    expect(rendered).toBe(applied(dialect));
  });
});
