/**
 * A strict JSON parser for envelope plaintexts. It accepts exactly RFC 8259 JSON, like
 * `JSON.parse`, and additionally rejects:
 * - a top-level value that is not an object;
 * - duplicate keys in any object at any depth (compared after unescaping, so `"a"` and `"\u0061"`
 *   collide);
 * - `__proto__` keys at any depth, and a `constructor` key whose value is an object with a
 *   `prototype` key (the two shapes that turn into prototype pollution once a caller merges the
 *   result into another object; `secure-json-parse` rejects the same two by default);
 * - nesting deeper than {@link MAX_DEPTH}.
 *
 * Objects are plain objects whose keys are own data properties, as `JSON.parse` builds them.
 * Parsing is one pass over the string with no regular expressions; a failure is a return of
 * `undefined`, never an exception to the caller.
 */

/** Objects and arrays nested deeper than this are rejected (keeps recursion far from the stack limit). */
export const MAX_DEPTH = 512;

/** A JSON object as this parser returns it. */
export type JsonObject = { [key: string]: JsonValue };
/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** Thrown internally to unwind on the first error; never escapes this module. */
const INVALID: unique symbol = Symbol('invalid JSON');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

const hasOwn = Object.prototype.hasOwnProperty;

/** Parses `text` as a JSON object under the rules above; `undefined` if it breaks any of them. */
export function parseJsonObject(text: string): JsonObject | undefined {
  const parser = new Parser(text);
  try {
    parser.skipWhitespace();
    if (parser.peek() !== OPEN_BRACE) return undefined;
    const value = parser.parseObject(0);
    parser.skipWhitespace();
    return parser.atEnd() ? value : undefined;
  } catch (error) {
    if (error === INVALID) return undefined;
    throw error;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  atEnd(): boolean {
    return this.pos === this.text.length;
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      // space, \t, \n, \r
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
    this.pos = pos;
  }

  private expect(charCode: number): void {
    if (this.text.charCodeAt(this.pos) !== charCode) throw INVALID;
    this.pos++;
  }

  private parseValue(depth: number): JsonValue {
    switch (this.peek()) {
      case OPEN_BRACE:
        return this.parseObject(depth + 1);
      case OPEN_BRACKET:
        return this.parseArray(depth + 1);
      case QUOTE:
        return this.parseString();
      case 0x74: // t
        return this.parseLiteral('true', true);
      case 0x66: // f
        return this.parseLiteral('false', false);
      case 0x6e: // n
        return this.parseLiteral('null', null);
      default:
        return this.parseNumber();
    }
  }

  /** Parses an object starting at its '{'. */
  parseObject(depth: number): JsonObject {
    if (depth > MAX_DEPTH) throw INVALID;
    this.pos++;
    this.skipWhitespace();
    const object: JsonObject = {};
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (this.peek() !== QUOTE) throw INVALID;
      const key = this.parseString();
      if (key === '__proto__' || hasOwn.call(object, key)) throw INVALID;
      this.skipWhitespace();
      this.expect(COLON);
      this.skipWhitespace();
      const value = this.parseValue(depth);
      if (key === 'constructor' && carriesPrototype(value)) throw INVALID;
      object[key] = value;
      this.skipWhitespace();
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_BRACE) return object;
      if (next !== COMMA) throw INVALID;
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): JsonValue[] {
    if (depth > MAX_DEPTH) throw INVALID;
    this.pos++;
    this.skipWhitespace();
    const array: JsonValue[] = [];
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.peek();
      this.pos++;
      if (next === CLOSE_BRACKET) return array;
      if (next !== COMMA) throw INVALID;
      this.skipWhitespace();
    }
  }

  private parseLiteral<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) throw INVALID;
    this.pos += word.length;
    return value;
  }

  /** Parses a string starting at its opening quote. */
  private parseString(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (c === BACKSLASH) return this.parseEscapedString(start, pos);
      // Control characters must be escaped; NaN (past the end) fails the same test.
      if (!(c >= 0x20)) throw INVALID;
      pos++;
    }
  }

  /** The slow path of {@link parseString}, from the first backslash at `pos`. */
  private parseEscapedString(start: number, from: number): string {
    const text = this.text;
    let out = text.slice(start, from);
    let pos = from;
    let chunkStart = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        this.pos = pos + 1;
        return out + text.slice(chunkStart, pos);
      }
      if (c === BACKSLASH) {
        out += text.slice(chunkStart, pos);
        const escaped = text.charCodeAt(pos + 1);
        if (escaped === 0x75 /* u */) {
          out += String.fromCharCode(hex4(text, pos + 2));
          pos += 6;
        } else {
          out += simpleEscape(escaped);
          pos += 2;
        }
        chunkStart = pos;
        continue;
      }
      if (!(c >= 0x20)) throw INVALID;
      pos++;
    }
  }

  private parseNumber(): number {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const first = text.charCodeAt(pos);
    if (first === DIGIT_0) pos++;
    else if (first > DIGIT_0 && first <= DIGIT_9) pos = skipDigits(text, pos + 1);
    else throw INVALID;
    if (text.charCodeAt(pos) === DOT) pos = requireDigits(text, pos + 1);
    const e = text.charCodeAt(pos);
    if (e === LOWER_E || e === UPPER_E) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === PLUS || sign === MINUS) pos++;
      pos = requireDigits(text, pos);
    }
    this.pos = pos;
    // The slice is now valid JSON number syntax, which Number() reads exactly as JSON.parse does.
    return Number(text.slice(start, pos));
  }
}

function skipDigits(text: string, from: number): number {
  let pos = from;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c >= DIGIT_0 && c <= DIGIT_9) pos++;
    else return pos;
  }
}

/** Like {@link skipDigits} but at least one digit is required. */
function requireDigits(text: string, from: number): number {
  const end = skipDigits(text, from);
  if (end === from) throw INVALID;
  return end;
}

function simpleEscape(charCode: number): string {
  switch (charCode) {
    case QUOTE:
      return '"';
    case BACKSLASH:
      return '\\';
    case 0x2f:
      return '/';
    case 0x62:
      return '\b';
    case 0x66:
      return '\f';
    case 0x6e:
      return '\n';
    case 0x72:
      return '\r';
    case 0x74:
      return '\t';
    default:
      throw INVALID;
  }
}

/** The value of the four hex digits at `pos` (a `\u` escape). */
function hex4(text: string, pos: number): number {
  let value = 0;
  for (let i = pos; i < pos + 4; i++) {
    const c = text.charCodeAt(i);
    let digit: number;
    if (c >= DIGIT_0 && c <= DIGIT_9) digit = c - DIGIT_0;
    else if (c >= 0x61 && c <= 0x66) digit = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) digit = c - 0x37;
    else throw INVALID;
    value = (value << 4) | digit;
  }
  return value;
}

/** `{ "prototype": ... }`: the value shape that makes a `constructor` key dangerous. */
function carriesPrototype(value: JsonValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    hasOwn.call(value, 'prototype')
  );
}
