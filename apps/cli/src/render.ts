/**
 * Human rendering of a decrypted response: its message as a headline, then its fields as aligned
 * `name  value` lines; arrays of objects (statement entries) as a table.
 */

const HEADER_FIELDS = new Set(['responseCode', 'messageCode', 'responseMessage']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Rows of objects as a table with one column per key (in first-seen order). */
export function table(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const cells = rows.map((row) => columns.map((column) => text(row[column])));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const format = (line: readonly string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(columns), ...cells.map(format)].join('\n');
}

function flatten(value: Record<string, unknown>, prefix: string, out: [string, unknown][]): void {
  for (const [key, field] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isRecord(field)) flatten(field, name, out);
    else out.push([name, field]);
  }
}

/** The response of an API as text for a person. */
export function renderResponse(response: Readonly<Record<string, unknown>>): string {
  const lines: string[] = [];
  if (typeof response.responseMessage === 'string') lines.push(response.responseMessage);
  const fields: [string, unknown][] = [];
  const tables: [string, Record<string, unknown>[]][] = [];
  for (const [key, value] of Object.entries(response)) {
    if (HEADER_FIELDS.has(key)) continue;
    if (Array.isArray(value) && value.every(isRecord)) tables.push([key, value]);
    else if (isRecord(value)) flatten(value, key, fields);
    else fields.push([key, value]);
  }
  const width = Math.max(0, ...fields.map(([name]) => name.length));
  for (const [name, value] of fields) lines.push(`${name.padEnd(width)}  ${text(value)}`);
  for (const [name, rows] of tables) {
    lines.push('', rows.length === 0 ? `${name}: none` : `${name}:\n${table(rows)}`);
  }
  return lines.join('\n');
}
