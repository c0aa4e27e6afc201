import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathOf } from './exchange.js';

describe('pathOf', () => {
  it('is the URL parser’s pathname for any URL a request can carry', () => {
    const segment = fc
      .array(
        fc.constantFrom('a', 'Z', '0', '-', '_', '.', '%', '%41', ' ', '~', '\\', ':', '@', 'é'),
        {
          maxLength: 6,
        },
      )
      .map((c) => c.join(''));
    const url = fc
      .record({
        scheme: fc.constantFrom('http', 'https', 'HTTP'),
        host: fc.constantFrom('sandbox.test', '127.0.0.1:8080', '[::1]', 'EXAMPLE.com'),
        segments: fc.array(segment, { maxLength: 5 }),
        tail: fc.constantFrom('', '?a=1', '#x', '?a=/b#c'),
      })
      .map(
        ({ scheme, host, segments, tail }) => `${scheme}://${host}/${segments.join('/')}${tail}`,
      );
    fc.assert(
      fc.property(url, (written) => {
        const href = new Request(written).url;
        expect(pathOf(href)).toBe(new URL(href).pathname);
        expect(pathOf(written)).toBe(new URL(written).pathname);
      }),
    );
  });
});
