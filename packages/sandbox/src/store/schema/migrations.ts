import type { Migration } from '../sql/backend.js';
import { type DialectName, renderTable, type Table } from './ddl.js';
import {
  customers,
  idempotencyRecords,
  ledgerEntries,
  merchants,
  payments,
  pgLoadTopUps,
  refunds,
  wallets,
} from './tables.js';

/** One schema change in both dialects: the tables it creates, in order. */
interface SchemaStep {
  readonly version: number;
  readonly name: string;
  readonly creates: readonly Table[];
}

/**
 * The schema, oldest first. Each step gets a version of its own, so steps from parallel work merge
 * beside each other; an applied step is never edited (databases recorded its version and keep the
 * tables it made).
 */
const STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    name: 'merchants, customers, wallets, ledger, idempotency records',
    creates: [merchants, customers, wallets, ledgerEntries, idempotencyRecords],
  },
  { version: 3, name: 'pg load top-ups', creates: [pgLoadTopUps] },
  { version: 16, name: 'payment gateway: payments, refunds', creates: [payments, refunds] },
];

/** The migrations written out in one dialect: each step's tables, a blank line between. */
export function migrationsFor(dialect: DialectName): readonly Migration[] {
  return STEPS.map(({ version, name, creates }) => ({
    version,
    name,
    sql: `\n${creates.map((table) => renderTable(dialect, table)).join('\n')}`,
  }));
}

export const SQLITE_MIGRATIONS: readonly Migration[] = migrationsFor('sqlite');
export const POSTGRES_MIGRATIONS: readonly Migration[] = migrationsFor('postgres');
