import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsOfRawHeaders, headerFields } from './header-fields.js';

/** What a `Headers` built from the raw pairs iterates, as the node-server adapter builds it. */
function viaHeaders(raw: readonly string[]): [string, string][] {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers.append(raw[i] as string, raw[i + 1] as string);
  return [...headers];
}

const tokenChars =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~".split('');

describe('fieldsOfRawHeaders', () => {
  it('gives what Headers iterates for any raw header list', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'Cookie',
        'cookie',
        'Set-Cookie',
        'set-cookie',
        'Authorization',
        'X-A',
        'x-a',
        'Date',
      ),
      fc
        .array(fc.constantFrom(...tokenChars), { minLength: 1, maxLength: 8 })
        .map((c) => c.join('')),
    );
    const value = fc
      .array(fc.constantFrom(' ', '\t', 'a', 'B', '=', ';', ',', '"', 'é', '1'), { maxLength: 12 })
      .map((c) => c.join(''));
    const raw = fc.array(fc.tuple(name, value), { maxLength: 12 }).map((pairs) => pairs.flat());
    fc.assert(
      fc.property(raw, (pairs) => {
        expect(fieldsOfRawHeaders(pairs)).toEqual(viaHeaders(pairs));
      }),
    );
  });

  it('reads an in-process request through its Headers', () => {
    const request = new Request('http://sandbox.test/', {
      headers: { 'X-B': ' 2 ', 'x-a': '1', cookie: 'a=1' },
    });
    expect(headerFields(request, undefined)).toEqual([
      ['cookie', 'a=1'],
      ['x-a', '1'],
      ['x-b', '2'],
    ]);
  });
});
