/**
 * Command-line flags derived from an API's request shape (the JSON Schema `@wallet/schemas`
 * generates for its params), so the CLI restates no field: every leaf field becomes a kebab-case
 * flag named after it (`transactionAmount` → `--transaction-amount`). A nested field takes its own
 * name (`customerDetails.firstName` → `--first-name`, `address.city` → `--city`) unless that
 * name is taken by another field or a CLI flag, in which case the whole path is used
 * (`--address-city`). Values are typed by the schema: numbers for integer and number fields,
 * booleans for boolean fields, strings otherwise; a value that does not convert is passed on as
 * text so the schema's own rule reports it.
 */

/** The subset of JSON Schema the generated request documents use. */
export interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly description?: string;
  readonly default?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export type FlagKind = 'string' | 'number' | 'boolean';

export interface FieldFlag {
  /** The field's path in the request: `['customerDetails', 'firstName']`. */
  readonly path: readonly string[];
  /** The flag without `--`: `first-name`. */
  readonly flag: string;
  readonly kind: FlagKind;
  /** Whether the schema requires the field (and every object above it). */
  readonly required: boolean;
  /** One line for `--help`, from the schema. */
  readonly help: string;
}

/** `transactionAmount` → `transaction-amount`; `verifyclientTxnId` → `verifyclient-txn-id`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

function kindOf(node: JsonSchemaNode): FlagKind {
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('boolean')) return 'boolean';
  if (types.length > 0 && types.every((t) => t === 'integer' || t === 'number')) return 'number';
  return 'string';
}

/**
 * The values of an enum as a command line spells them, each once: `riskCategory` allows `100` as
 * a number and as a string, which a flag cannot tell apart anyway.
 */
function enumValues(values: readonly unknown[]): string[] {
  return [...new Set(values.map(String))];
}

function helpOf(node: JsonSchemaNode, kind: FlagKind, required: boolean): string {
  const parts: string[] = [];
  const values = node.enum === undefined ? undefined : enumValues(node.enum);
  // The parts are joined with "; ", so a description's own final period goes.
  if (node.description !== undefined) parts.push(node.description.replace(/\.$/, ''));
  else if (values !== undefined) parts.push(`one of ${values.join(', ')}`);
  else if (node.const !== undefined) parts.push(`must be ${String(node.const)}`);
  else if (kind === 'string' && node.maxLength !== undefined) {
    parts.push(`${node.minLength ?? 0} to ${node.maxLength} characters`);
  } else if (kind === 'boolean') parts.push('true or false (the flag alone means true)');
  if (node.description !== undefined && values !== undefined && values.length <= 12) {
    parts.push(`one of ${values.join(', ')}`);
  }
  if (node.default !== undefined) parts.push(`default ${String(node.default)}`);
  if (required) parts.push('required');
  return parts.join('; ');
}

interface Leaf {
  readonly path: readonly string[];
  readonly node: JsonSchemaNode;
  readonly required: boolean;
}

function leaves(node: JsonSchemaNode, path: readonly string[], required: boolean): Leaf[] {
  const out: Leaf[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const childRequired = required && (node.required ?? []).includes(name);
    if (child.properties !== undefined) out.push(...leaves(child, [...path, name], childRequired));
    else out.push({ path: [...path, name], node: child, required: childRequired });
  }
  return out;
}

/**
 * The flags of a request shape. `reserved` are flags the command already has (`data`, `json`,
 * ...), which a field must not take.
 */
export function fieldFlags(schema: JsonSchemaNode, reserved: ReadonlySet<string>): FieldFlag[] {
  const all = leaves(schema, [], true);
  const counts = new Map<string, number>();
  for (const leaf of all) {
    const short = kebabCase(leaf.path[leaf.path.length - 1] ?? '');
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  return all.map((leaf) => {
    const short = kebabCase(leaf.path[leaf.path.length - 1] ?? '');
    let flag = short;
    if ((counts.get(short) ?? 0) > 1 || reserved.has(short)) {
      flag = leaf.path.map(kebabCase).join('-');
      if (reserved.has(flag)) flag = `field-${flag}`;
    }
    const kind = kindOf(leaf.node);
    return {
      path: leaf.path,
      flag,
      kind,
      required: leaf.required,
      help: helpOf(leaf.node, kind, leaf.required),
    };
  });
}

/** A flag's text as the schema's type: a number, a boolean, or the text itself. */
export function flagValue(kind: FlagKind, value: unknown): unknown {
  if (kind === 'boolean') {
    if (value === true || value === 'true') return true;
    if (value === 'false') return false;
    return value;
  }
  if (kind === 'number' && typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request params: `base` (from `--data`) with every given flag set at its field's path, typed
 * by `flagValue`. `values` maps a flag (`first-name`) to what the command line gave.
 */
export function paramsFromFlags(
  flags: readonly FieldFlag[],
  values: ReadonlyMap<string, unknown>,
  base: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const params: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const field of flags) {
    if (!values.has(field.flag)) continue;
    const value = values.get(field.flag);
    if (value === undefined) continue;
    let target = params;
    for (const segment of field.path.slice(0, -1)) {
      const next = target[segment];
      if (!isRecord(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    const last = field.path[field.path.length - 1];
    if (last !== undefined) target[last] = flagValue(field.kind, value);
  }
  return params;
}
