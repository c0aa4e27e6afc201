/**
 * Masking personal data in decrypted bodies. Which fields are personal is read from the request
 * schemas of `@wallet/schemas`: a field whose rule is the name rule, the mobile rule or the email
 * rule holds a name, a mobile number or an email address. Responses name the same data by the stem
 * of the request field (`mobile` for `mobileNumber`, `email` for `emailAddress`), so a key that a
 * personal request field's name starts with is personal too.
 */
import {
  emailSchema,
  helperRoutes,
  mobileSchema,
  personNameSchema,
  routeList,
} from '@wallet/schemas';
import type { JsonObject, JsonValue } from '../store/json.js';

/** The kinds of personal data the journal hides. */
export type PersonalKind = 'name' | 'mobile' | 'email';

interface ZodLike {
  readonly _zod: { readonly def: Readonly<Record<string, unknown>> };
}

function isZod(value: unknown): value is ZodLike {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

function kindOf(schema: unknown): PersonalKind | undefined {
  if (schema === personNameSchema) return 'name';
  if (schema === mobileSchema) return 'mobile';
  if (schema === emailSchema) return 'email';
  return undefined;
}

/** Finds the personal fields of `schema`, unwrapping optional, default, pipe, union and array. */
function collect(schema: unknown, key: string | undefined, found: Map<string, PersonalKind>): void {
  if (!isZod(schema)) return;
  const kind = kindOf(schema);
  if (kind !== undefined) {
    if (key !== undefined) found.set(key, kind);
    return;
  }
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      for (const [name, field] of Object.entries(def.shape as Record<string, unknown>)) {
        collect(field, name, found);
      }
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      collect(def.innerType, key, found);
      return;
    case 'pipe':
      collect(def.in, key, found);
      collect(def.out, key, found);
      return;
    case 'union':
      for (const option of def.options as unknown[]) collect(option, key, found);
      return;
    case 'array':
      collect(def.element, key, found);
      return;
    default:
      return;
  }
}

/** Every personal field name of every request schema, with its kind. */
function personalRequestFields(): ReadonlyMap<string, PersonalKind> {
  const found = new Map<string, PersonalKind>();
  for (const route of routeList) collect(route.request, undefined, found);
  for (const route of Object.values(helperRoutes)) collect(route.request, undefined, found);
  return found;
}

const REQUEST_FIELDS = personalRequestFields();
/** Shortest key treated as the stem of a personal field name. */
const MIN_STEM = 4;

/** The kind of personal data a body key holds, if any. */
export function personalKind(key: string): PersonalKind | undefined {
  const exact = REQUEST_FIELDS.get(key);
  if (exact !== undefined) return exact;
  if (key.length < MIN_STEM) return undefined;
  for (const [field, kind] of REQUEST_FIELDS) {
    if (field.startsWith(key)) return kind;
  }
  return undefined;
}

/** The personal field names the schemas define, for documentation and tests. */
export function personalFieldNames(): ReadonlyMap<string, PersonalKind> {
  return REQUEST_FIELDS;
}

const HIDDEN = '***';

/** `Asha Rao` → `A*** R***`. */
function maskName(value: string): string {
  return value
    .split(' ')
    .map((word) => (word === '' ? word : `${word.slice(0, 1)}${HIDDEN}`))
    .join(' ');
}

/** `919988776655` → `********6655`: the last four digits stay. */
function maskMobile(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** `asha.rao@example.com` → `a***@example.com`. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskName(value);
  return `${value.slice(0, 1)}${HIDDEN}${value.slice(at)}`;
}

/** Hides a personal value of `kind`, keeping enough to recognise it. */
export function maskValue(kind: PersonalKind, value: JsonValue): JsonValue {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const text = String(value);
  switch (kind) {
    case 'name':
      return maskName(text);
    case 'mobile':
      return maskMobile(text);
    case 'email':
      return maskEmail(text);
  }
}

function maskAny(value: JsonValue, kind: PersonalKind | undefined): JsonValue {
  if (Array.isArray(value)) return value.map((item) => maskAny(item, kind));
  if (value !== null && typeof value === 'object') return maskPersonal(value);
  return kind === undefined ? value : maskValue(kind, value);
}

/**
 * A copy of `body` with every name, mobile number and email address partly hidden, at any depth.
 * Every key is kept: the copy is built with `Object.fromEntries`, which defines own properties, so
 * an own `__proto__` key stays a key instead of going through the prototype setter.
 */
export function maskPersonal(body: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, maskAny(value, personalKind(key))]),
  ) as JsonObject;
}
