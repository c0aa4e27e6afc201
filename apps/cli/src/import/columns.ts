/**
 * The columns of an import file: one per Register Customer field, named after the field
 * (`firstName`, `mobileNumber`, `productId`, ...; nested `customerDetails` fields by their own
 * name). Program-level fields (`kycProfile`, `riskCategory`, `productId`, `formFactorRequired`)
 * may instead come from flags, or from the SDK defaults.
 */
import { type FieldFlag, fieldFlags, flagValue, type JsonSchemaNode } from '../api-flags.js';
import { InputError } from '../errors.js';

export interface ImportColumns {
  /** Every field, by column name. */
  readonly byColumn: ReadonlyMap<string, FieldFlag>;
  /** The fields a flag may give for every row: top-level fields other than identifiers. */
  readonly defaults: readonly FieldFlag[];
}

/** A column is named after the last segment of its field's path. */
export function columnName(field: FieldFlag): string {
  return field.path[field.path.length - 1] ?? '';
}

export function importColumns(schema: JsonSchemaNode): ImportColumns {
  const fields = fieldFlags(schema, new Set());
  const byColumn = new Map(fields.map((field) => [columnName(field), field]));
  const defaults = fields.filter(
    (field) => field.path.length === 1 && field.path[0] !== 'customerId',
  );
  return { byColumn, defaults };
}

/** Refuses a header with a column that names no field, before anything is sent. */
export function checkHeader(columns: ImportColumns, header: readonly string[]): void {
  const unknown = header.filter((name) => !columns.byColumn.has(name));
  if (unknown.length > 0) {
    throw new InputError(
      'INPUT_INVALID',
      `The file has columns that name no field: ${unknown.join(', ')}.`,
      {
        hint: `Columns: ${[...columns.byColumn.keys()].join(', ')}.`,
      },
    );
  }
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/**
 * The Register Customer params of one row: every non-empty cell at its field, typed by the schema,
 * then the flag defaults for program fields the row leaves empty.
 */
export function rowParams(
  columns: ImportColumns,
  record: Readonly<Record<string, string | undefined>>,
  defaults: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(record)) {
    const field = columns.byColumn.get(name);
    if (field === undefined || cell === undefined || cell === '') continue;
    setAt(params, field.path, flagValue(field.kind, cell));
  }
  for (const field of columns.defaults) {
    const value = defaults.get(field.flag);
    if (value === undefined || params[columnName(field)] !== undefined) continue;
    setAt(params, field.path, flagValue(field.kind, value));
  }
  return params;
}
