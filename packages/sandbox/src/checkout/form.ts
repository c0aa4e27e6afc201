/**
 * Reading the gateway's form-urlencoded bodies strictly: a field posted twice is refused (which
 * value would the hash cover?), and so is a body that is not a form.
 */

/** A parsed form: each field once. */
export type FormFields = ReadonlyMap<string, string>;

export type FormReadResult =
  | { readonly ok: true; readonly fields: FormFields }
  | { readonly ok: false; readonly problem: string };

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Whether a `content-type` header names a urlencoded form (any charset parameter). */
export function isFormContentType(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === FORM_TYPE;
}

/** Parses urlencoded text; a repeated field name is refused, naming it. */
export function parseForm(text: string): FormReadResult {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) return { ok: false, problem: `${name}: must be posted once` };
    fields.set(name, value);
  }
  return { ok: true, fields };
}

/** The UTF-8 text of a body, or undefined when it is not valid UTF-8. */
export function bodyText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
