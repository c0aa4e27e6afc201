/**
 * Which field sits where in a hash string, found by asking `@wallet/checkout` rather than by
 * restating its formulas: each field of the body is changed in turn, and the positions of the
 * `|`-separated string that change with it are that field's. A field that changes nothing is not
 * covered by the hash.
 */

/** One position of a hash string: the field there (`''` when none of the body's), and its value. */
export interface HashPosition {
  readonly name: string;
  readonly value: string;
}

export interface HashLayout {
  /** The hash string's positions in order, the salt as the placeholder it was built with. */
  readonly positions: readonly HashPosition[];
  /** Fields of the body the hash does not cover (`mihpayid`, `mode`, ...). */
  readonly notHashed: readonly string[];
}

/** The salt as shown: whatever is in its place in a printed hash string. */
export const SALT_MASK = '***';
export const SALT_NAME = 'SALT';

/** The same value with its first character changed: still a valid value of most fields. */
function changed(value: string): string {
  if (value === '') return '1';
  return `${value.startsWith('1') ? '2' : '1'}${value.slice(1)}`;
}

/**
 * The layout of the string `stringOf` builds from `fields` (with the salt given as
 * {@link SALT_MASK}), probing the body's fields but `skip`, and `absentCandidates` the body lacks
 * (optional fields that hash as empty). `stringOf` must not throw for `fields` itself.
 */
export function hashLayout(
  fields: Readonly<Record<string, string>>,
  stringOf: (fields: Readonly<Record<string, string>>) => string,
  skip: ReadonlySet<string>,
  absentCandidates: readonly string[] = [],
): HashLayout {
  const parts = stringOf(fields).split('|');
  const names: string[] = parts.map((part) => (part === SALT_MASK ? SALT_NAME : ''));
  const notHashed: string[] = [];
  const absent = absentCandidates.filter((name) => fields[name] === undefined);
  for (const name of [...Object.keys(fields), ...absent]) {
    if (skip.has(name)) continue;
    let probe: string[];
    try {
      probe = stringOf({ ...fields, [name]: changed(fields[name] ?? '') }).split('|');
    } catch {
      // Its changed value breaks a rule of the field: it is checked, so hashed; position unknown.
      continue;
    }
    if (probe.length !== parts.length) continue;
    let found = false;
    probe.forEach((part, index) => {
      if (part !== parts[index]) {
        names[index] = name;
        found = true;
      }
    });
    if (!found && fields[name] !== undefined) notHashed.push(name);
  }
  return {
    positions: parts.map((value, index) => ({ name: names[index] ?? '', value })),
    notHashed,
  };
}
