/**
 * A table defined once and written out as SQLite or PostgreSQL DDL. The definition says where the
 * dialects differ (column types, pattern checks, STRICT) and nothing else: the rendered text is
 * what the migrations run, so it must never change for a migration that databases already applied
 * (schema.test.ts pins it).
 */
import type { Backend } from '../sql/backend.js';

/** The SQL dialect a definition is written out in. */
export type DialectName = Backend['name'];

/** A CHECK expression: one text for both dialects, or each dialect's own. */
export type CheckExpression = string | { readonly sqlite: string; readonly postgres: string };

/**
 * What a column holds. `id`: the table's generated integer key (SQLite's rowid alias, PostgreSQL
 * identity). `bigint`: money, timestamps and references to ids (INTEGER in SQLite, which is 64-bit
 * anyway). `integer`: small numbers (INTEGER on both).
 */
export type ColumnType = 'id' | 'bigint' | 'integer' | 'text';

const COLUMN_TYPES: Record<DialectName, Record<ColumnType, string>> = {
  sqlite: { id: 'INTEGER PRIMARY KEY', bigint: 'INTEGER', integer: 'INTEGER', text: 'TEXT' },
  postgres: {
    id: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    bigint: 'BIGINT',
    integer: 'INTEGER',
    text: 'TEXT',
  },
};

function checkIn(dialect: DialectName, check: CheckExpression): string {
  return typeof check === 'string' ? check : check[dialect];
}

/** One column: written in the order of its SQL (`NOT NULL UNIQUE DEFAULT REFERENCES CHECK`). */
export class Column {
  readonly name: string;
  readonly type: ColumnType;
  #notNull = false;
  #unique = false;
  #default: string | number | undefined;
  #references: string | undefined;
  #check: CheckExpression | undefined;

  constructor(name: string, type: ColumnType) {
    this.name = name;
    this.type = type;
  }

  notNull(): this {
    this.#notNull = true;
    return this;
  }

  unique(): this {
    this.#unique = true;
    return this;
  }

  /** A default value: a number, or a string written as a quoted SQL literal. */
  default(value: string | number): this {
    this.#default = value;
    return this;
  }

  /** References `table (id)`, deleted with it (ON DELETE CASCADE). */
  references(table: string): this {
    this.#references = table;
    return this;
  }

  check(expression: CheckExpression): this {
    this.#check = expression;
    return this;
  }

  render(dialect: DialectName): string {
    let sql = `${this.name} ${COLUMN_TYPES[dialect][this.type]}`;
    if (this.#notNull) sql += ' NOT NULL';
    if (this.#unique) sql += ' UNIQUE';
    if (typeof this.#default === 'number') sql += ` DEFAULT ${this.#default}`;
    if (typeof this.#default === 'string') sql += ` DEFAULT '${this.#default}'`;
    if (this.#references !== undefined) {
      sql += ` REFERENCES ${this.#references} (id) ON DELETE CASCADE`;
    }
    if (this.#check !== undefined) sql += ` CHECK (${checkIn(dialect, this.#check)})`;
    return sql;
  }
}

export const id = (): Column => new Column('id', 'id');
export const bigint = (name: string): Column => new Column(name, 'bigint');
export const integer = (name: string): Column => new Column(name, 'integer');
export const text = (name: string): Column => new Column(name, 'text');

/** A constraint over the whole row, after the columns. */
export type TableConstraint =
  | { readonly kind: 'check'; readonly expression: CheckExpression }
  | { readonly kind: 'unique'; readonly name: string; readonly columns: readonly string[] };

export const rowCheck = (expression: CheckExpression): TableConstraint => ({
  kind: 'check',
  expression,
});

export const uniqueTogether = (name: string, columns: readonly string[]): TableConstraint => ({
  kind: 'unique',
  name,
  columns,
});

/** An index, optionally partial (`where`). */
export interface Index {
  readonly name: string;
  readonly columns: readonly string[];
  readonly where?: string;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly constraints?: readonly TableConstraint[];
  readonly indexes?: readonly Index[];
}

function renderConstraint(dialect: DialectName, constraint: TableConstraint): string {
  return constraint.kind === 'check'
    ? `CHECK (${checkIn(dialect, constraint.expression)})`
    : `CONSTRAINT ${constraint.name} UNIQUE (${constraint.columns.join(', ')})`;
}

/**
 * `CREATE TABLE` and its `CREATE INDEX` statements, each ending in `;\n`. SQLite tables are STRICT:
 * a value of the wrong type is refused instead of stored as it comes.
 */
export function renderTable(dialect: DialectName, table: Table): string {
  const lines = [
    ...table.columns.map((column) => column.render(dialect)),
    ...(table.constraints ?? []).map((constraint) => renderConstraint(dialect, constraint)),
  ];
  const options = dialect === 'sqlite' ? ' STRICT' : '';
  let sql = `CREATE TABLE ${table.name} (\n  ${lines.join(',\n  ')}\n)${options};\n`;
  for (const index of table.indexes ?? []) {
    sql += `CREATE INDEX ${index.name} ON ${table.name} (${index.columns.join(', ')})`;
    if (index.where !== undefined) sql += `\n  WHERE ${index.where}`;
    sql += ';\n';
  }
  return sql;
}

/** The column holds exactly `n` ASCII digits. */
export function digits(column: string, n: number): CheckExpression {
  return {
    sqlite: `length(${column}) = ${n} AND ${column} NOT GLOB '*[^0-9]*'`,
    postgres: `${column} ~ '^[0-9]{${n}}$'`,
  };
}

/** The column holds exactly `n` lowercase hex characters. */
export function hex(column: string, n: number): CheckExpression {
  return {
    sqlite: `length(${column}) = ${n} AND ${column} NOT GLOB '*[^0-9a-f]*'`,
    postgres: `${column} ~ '^[0-9a-f]{${n}}$'`,
  };
}

/**
 * `check` on a nullable column. Both dialects let NULL pass a CHECK; the SQLite schema spells the
 * NULL case out, the PostgreSQL one does not (the text of applied migrations stays as it was).
 */
export function nullOr(column: string, check: CheckExpression): CheckExpression {
  return {
    sqlite: `${column} IS NULL OR (${checkIn('sqlite', check)})`,
    postgres: checkIn('postgres', check),
  };
}
