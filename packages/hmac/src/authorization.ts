import { AuthorizationHeaderError } from './errors.js';
import type { AuthProfile } from './profiles.js';
import { isOptionalWhitespace, trimOptionalWhitespace } from './whitespace.js';

/** Headers longer than this many characters (4 KiB) are refused before any parsing. */
export const MAX_AUTHORIZATION_LENGTH = 4096;

/** The parameters of an `hmac` Authorization header, exactly as sent (names lowercased). */
export interface ParsedAuthorization {
  /** The merchant key. */
  readonly username: string;
  /** The algorithm label, e.g. `sha512` or `hmac-sha512`. Not checked against a list here. */
  readonly algorithm: string;
  /** The signed header names, lowercased, in the order given, e.g. `['date', 'digest']`. */
  readonly headers: readonly string[];
  /** The signature text, not decoded. */
  readonly signature: string;
}

type ParameterName = 'username' | 'algorithm' | 'headers' | 'signature';
const PARAMETER_NAMES: readonly ParameterName[] = ['username', 'algorithm', 'headers', 'signature'];

const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const EQUALS = 0x3d;

/** RFC 9110 `tchar`: the characters of a token (scheme, parameter name, header name). */
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    "!#$%&'*+-.^_`|~".includes(String.fromCharCode(code))
  );
}

/** Inside double quotes: printable ASCII and space, except `"` and `\` (no escapes exist). */
function isValueChar(code: number): boolean {
  return code >= 0x20 && code <= 0x7e && code !== QUOTE && code !== BACKSLASH;
}

function isToken(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) {
    if (!isTokenChar(text.charCodeAt(index))) return false;
  }
  return true;
}

/** True when `text` can stand between the double quotes of a parameter value. */
export function isParameterValue(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) {
    if (!isValueChar(text.charCodeAt(index))) return false;
  }
  return true;
}

function parseHeaderList(value: string): readonly string[] {
  const names = value.split(' ').map((name) => name.toLowerCase());
  if (!names.every(isToken) || new Set(names).size !== names.length) {
    throw new AuthorizationHeaderError('headers-list');
  }
  return Object.freeze(names);
}

/**
 * Parses an `Authorization` header of the `hmac` scheme:
 *
 * ```
 * hmac username="<key>", algorithm="<label>", headers="<names>", signature="<sig>"
 * ```
 *
 * - The scheme `hmac` is matched case-insensitively (RFC 9110: auth schemes are case-insensitive),
 *   and so are parameter names; it is followed by one or more spaces.
 * - The four parameters may come in any order, each exactly once, separated by a comma with
 *   optional spaces or tabs around it, written `name="value"` with no space around `=`.
 * - Values are double-quoted, non-empty, printable ASCII without `"` or `\` (there are no escapes).
 * - `headers` is a list of distinct header names separated by single spaces (lowercased here).
 * - Leading and trailing spaces of the whole header are ignored; a header longer than 4096
 *   characters is refused before it is read.
 *
 * @throws {AuthorizationHeaderError} with a `problem` naming the rule broken; its message never
 * contains any part of the header.
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  if (typeof header !== 'string') throw new AuthorizationHeaderError('syntax');
  if (header.length > MAX_AUTHORIZATION_LENGTH) throw new AuthorizationHeaderError('too-long');

  const text = trimOptionalWhitespace(header);
  const end = text.length;
  const at = (position: number): number => (position < end ? text.charCodeAt(position) : -1);
  let index = 0;

  const schemeStart = index;
  while (isTokenChar(at(index))) index++;
  if (text.slice(schemeStart, index).toLowerCase() !== 'hmac') {
    throw new AuthorizationHeaderError('scheme');
  }
  if (index === end) throw new AuthorizationHeaderError('missing-parameter');
  if (at(index) !== SPACE) throw new AuthorizationHeaderError('syntax');
  while (at(index) === SPACE) index++;

  const values = new Map<ParameterName, string>();
  for (;;) {
    const nameStart = index;
    while (isTokenChar(at(index))) index++;
    if (index === nameStart || at(index) !== EQUALS) throw new AuthorizationHeaderError('syntax');
    const name = text.slice(nameStart, index).toLowerCase();
    index++;
    if (at(index) !== QUOTE) throw new AuthorizationHeaderError('unquoted-value');
    index++;
    const valueStart = index;
    while (isValueChar(at(index))) index++;
    if (at(index) !== QUOTE) throw new AuthorizationHeaderError('syntax');
    const value = text.slice(valueStart, index);
    index++;

    if (!PARAMETER_NAMES.includes(name as ParameterName)) {
      throw new AuthorizationHeaderError('unknown-parameter');
    }
    if (values.has(name as ParameterName)) {
      throw new AuthorizationHeaderError('duplicate-parameter');
    }
    if (value === '') throw new AuthorizationHeaderError('empty-value');
    values.set(name as ParameterName, value);

    while (isOptionalWhitespace(at(index))) index++;
    if (index === end) break;
    if (at(index) !== COMMA) throw new AuthorizationHeaderError('syntax');
    index++;
    while (isOptionalWhitespace(at(index))) index++;
  }

  const username = values.get('username');
  const algorithm = values.get('algorithm');
  const headers = values.get('headers');
  const signature = values.get('signature');
  if (
    username === undefined ||
    algorithm === undefined ||
    headers === undefined ||
    signature === undefined
  ) {
    throw new AuthorizationHeaderError('missing-parameter');
  }
  return { username, algorithm, headers: parseHeaderList(headers), signature };
}

/**
 * Everything of the Authorization header that precedes the signature, for one merchant key and
 * profile: `hmac username="<key>", algorithm="<label>", headers="<names>", signature="`.
 */
export function authorizationPrefix(merchantKey: string, profile: AuthProfile): string {
  return `hmac username="${merchantKey}", algorithm="${profile.algorithm}", headers="${profile.headers}", signature="`;
}
