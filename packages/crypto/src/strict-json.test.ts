import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseJsonObject } from './strict-json.js';

/** Objects without the keys parseJsonObject refuses on purpose. */
const objects = fc
  .dictionary(
    fc.string({ unit: 'binary' }).filter((key) => key !== '__proto__' && key !== 'constructor'),
    fc.jsonValue({ stringUnit: 'binary', maxDepth: 5 }),
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>)
  .filter((value) => !JSON.stringify(value).includes('"__proto__"'));

const layouts = fc.constantFrom<[string, number | string | undefined]>(
  ['compact', undefined],
  ['two spaces', 2],
  ['tabs', '\t'],
  ['CRLF-like', '\r\n '],
);

describe('parseJsonObject', () => {
  it('keeps a lone surrogate escape as that code unit, never U+FFFD', () => {
    // Turning it into U+FFFD would make "t\\ud800X" one customer with "t\ufffdX"; kept, the
    // schemas' well-formedness rule refuses it with a field error.
    expect(parseJsonObject('{"customerId":"t\\ud800X"}')).toEqual({ customerId: 't\ud800X' });
  });

  it('agrees with JSON.parse on any JSON object, however it is laid out', () => {
    fc.assert(
      fc.property(objects, layouts, (value, [, indent]) => {
        // \r\n as "indent" is still JSON whitespace; JSON.stringify accepts any string up to 10.
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJsonObject(text);
        expect(parsed).toEqual(JSON.parse(text));
        expect(Object.keys(parsed ?? {})).toEqual(Object.keys(JSON.parse(text)));
      }),
    );
  });

  it('never accepts text that JSON.parse rejects, nor differs from it when both accept', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]":,-+.0123456789eEtrufalsn\\u \t\nab'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string()), (text) => {
        const parsed = parseJsonObject(text);
        if (parsed === undefined) return;
        expect(parsed).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects an object as soon as one key repeats, wherever it is', () => {
    fc.assert(
      fc.property(objects, fc.string({ unit: 'binary' }), (value, extra) => {
        fc.pre(Object.keys(value).length > 0);
        const [firstKey] = Object.keys(value);
        const text = JSON.stringify(value);
        const duplicated = `${text.slice(0, -1)},${JSON.stringify(firstKey)}:${JSON.stringify(extra)}}`;
        expect(parseJsonObject(duplicated)).toBe(undefined);
        expect(parseJsonObject(`{"nested":${duplicated}}`)).toBe(undefined);
        expect(parseJsonObject(`{"list":[1,${duplicated}]}`)).toBe(undefined);
      }),
    );
  });

  it.each([
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a string', '"str"'],
    ['a number', '42'],
    ['a boolean', 'true'],
    ['nothing', ''],
    ['whitespace', ' \n'],
    ['a lone brace', '{'],
    ['an unclosed object', '{"a":1'],
    ['an unclosed nested array', '{"a":[1,2}'],
    ['a missing value', '{"a":}'],
    ['a missing colon', '{"a" 1}'],
    ['a trailing comma', '{"a":1,}'],
    ['a leading comma', '{,"a":1}'],
    ['two commas', '{"a":[1,,2]}'],
    ['unquoted keys', '{a:1}'],
    ['a number key', '{1:1}'],
    ['single quotes', "{'a':1}"],
    ['a leading zero', '{"a":01}'],
    ['a leading plus', '{"a":+1}'],
    ['a bare minus', '{"a":-}'],
    ['a bare dot', '{"a":1.}'],
    ['a leading dot', '{"a":.5}'],
    ['an empty exponent', '{"a":1e}'],
    ['a signed empty exponent', '{"a":1e+}'],
    ['NaN', '{"a":NaN}'],
    ['Infinity', '{"a":Infinity}'],
    ['hex numbers', '{"a":0x10}'],
    ['a truncated literal', '{"a":tru}'],
    ['a misspelled literal', '{"a":nul1}'],
    ['a capitalised literal', '{"a":True}'],
    ['a raw tab in a string', '{"a":"\t"}'],
    ['a raw newline in a string', '{"a":"\n"}'],
    ['a raw NUL in a string', '{"a":"\u0000"}'],
    ['an unknown escape', '{"a":"\\x41"}'],
    ['a short \\u escape', '{"a":"\\u41"}'],
    ['a non-hex \\u escape', '{"a":"\\u00g1"}'],
    ['an escaped single quote', '{"a":"\\\'"}'],
    ['an unterminated string', '{"a":"b}'],
    ['an unterminated escape', '{"a":"\\'],
    ['garbage after the object', '{"a":1}x'],
    ['two objects', '{}{}'],
    ['a comment', '{"a":1/*c*/}'],
    ['a byte order mark', '\uFEFF{}'],
    ['a non-breaking space', '{\u00A0"a":1}'],
    ['a vertical tab', '{\u000B"a":1}'],
    ['a line separator', '{"a":1}\u2028'],
  ])('rejects %s, as JSON.parse does or because it is not an object', (_, text) => {
    expect(parseJsonObject(text)).toBe(undefined);
  });

  it.each([
    ['a __proto__ key', '{"__proto__":{"polluted":true}}'],
    ['a __proto__ key holding null', '{"__proto__":null}'],
    ['a nested __proto__ key', '{"a":{"b":[{"__proto__":{}}]}}'],
    ['an escaped __proto__ key', '{"\\u005f\\u005fproto\\u005f\\u005f":{}}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['nested constructor.prototype', '{"a":{"constructor":{"prototype":{}}}}'],
    ['duplicate keys', '{"a":1,"a":1}'],
    ['keys equal once unescaped', '{"a":1,"\\u0061":2}'],
    ['duplicate keys far apart', '{"a":1,"b":2,"c":3,"d":4,"a":5}'],
  ])('rejects %s, which JSON.parse accepts', (_, text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(parseJsonObject(text)).toBe(undefined);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it.each([
    ['keys named like Object.prototype members', '{"toString":1,"valueOf":2,"hasOwnProperty":3}'],
    ['a constructor key that is not an object', '{"constructor":"x"}'],
    ['a constructor key holding an array', '{"constructor":["prototype"]}'],
    ['a prototype key', '{"prototype":{"x":1}}'],
    ['a key that only contains __proto__', '{"__proto__x":1,"x__proto__":2}'],
    ['escapes and surrogate pairs', '{"a":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\uD83D\\uDE00"}'],
    ['a lone surrogate escape, as JSON.parse allows', '{"a":"\\uD800"}'],
    [
      'numbers at the edges',
      '{"a":-0,"b":1e400,"c":-1E-400,"d":0.1,"e":123456789012345678901234567890}',
    ],
    ['integer-like keys', '{"2":"b","1":"a","x":0}'],
    ['the empty key', '{"":1}'],
    ['empty containers', '{"a":{},"b":[],"c":[{}],"d":[[]]}'],
    ['surrounding whitespace', ' \t\r\n{ "a" : 1 } \n'],
  ])('accepts %s exactly as JSON.parse does', (_, text) => {
    const parsed = parseJsonObject(text);
    expect(parsed).toEqual(JSON.parse(text));
    expect(Object.keys(parsed ?? {})).toEqual(Object.keys(JSON.parse(text)));
  });

  it('keeps -0 as JSON.parse does', () => {
    expect(Object.is(parseJsonObject('{"a":-0}')?.a, -0)).toBe(true);
  });

  it('builds objects whose keys are own data properties of plain objects', () => {
    const parsed = parseJsonObject('{"toString":{"valueOf":1}}');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, 'toString')).toEqual({
      value: { valueOf: 1 },
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it(`accepts nesting up to ${MAX_DEPTH} levels below the top object and rejects deeper`, () => {
    const nested = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(parseJsonObject(nested(MAX_DEPTH))).toEqual(JSON.parse(nested(MAX_DEPTH)));
    expect(parseJsonObject(nested(MAX_DEPTH + 1))).toBe(undefined);
    const objects = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    expect(parseJsonObject(objects(MAX_DEPTH))).toEqual(JSON.parse(objects(MAX_DEPTH)));
    expect(parseJsonObject(objects(MAX_DEPTH + 1))).toBe(undefined);
  });

  it('does not overflow the stack on absurd nesting', () => {
    expect(parseJsonObject(`{"a":${'['.repeat(200_000)}`)).toBe(undefined);
  });
});
