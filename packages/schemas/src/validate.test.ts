import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';
import { type ApiName, routeList } from './routes.js';
import { parseRequest, parseResponse, validateRequest, validateResponse } from './validate.js';
import { SchemaValidationError } from './validation-error.js';

describe('validateRequest / parseRequest', () => {
  it('returns the parsed request', () => {
    const value = parseRequest('load', examples.load.request);
    expect(value.urn).toBe('10000000005');
  });

  it('throws a SchemaValidationError with the summary and the platform code', () => {
    try {
      parseRequest('load', { ...examples.load.request, transactionAmount: 0 });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaValidationError);
      const e = error as SchemaValidationError;
      expect(e.message).toBe('Load request: transactionAmount: must be greater than zero');
      expect(e.responseCode).toBe('1322');
      expect(e.issues).toHaveLength(1);
    }
  });

  it('validates a body against the API it names, not another', () => {
    const result = validateRequest('unload', examples.load.request);
    expect(result.ok || result.responseCode).toBe('1010');
  });
});

describe('validateResponse / parseResponse', () => {
  it('reads a success response and refuses a wrong message code', () => {
    expect(parseResponse('unload', examples.unload.response).availableBalance).toBe(50000);
    const wrong = validateResponse('unload', { ...examples.unload.response, messageCode: 1081 });
    expect(wrong.ok || wrong.issues[0]?.path).toBe('messageCode');
    expect(() => parseResponse('unload', {})).toThrow(SchemaValidationError);
  });
});

describe('hostile bodies', () => {
  const names = Object.keys(examples) as (keyof typeof examples)[];

  it('never throws, and always names a field and a platform code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue(), (name, body) => {
        const result = validateRequest(name, body);
        if (!result.ok) {
          expect(result.summary).toMatch(/^[^:]+: .+/);
          expect(result.responseCode).toMatch(/^\d{4}$/);
        }
      }),
    );
  });

  it('never throws when one field of a valid request is replaced by any JSON value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.jsonValue(), (name, index, value) => {
        const request = examples[name].request as Record<string, unknown>;
        const keys = Object.keys(request);
        const key = keys[index % keys.length] ?? 'messageCode';
        const result = validateRequest(name, { ...request, [key]: value });
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});

/** Every string in `value` with its dotted path (arrays by index), depth first. */
function stringLeaves(value: unknown, path = ''): Array<readonly [string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    stringLeaves(inner, path === '' ? key : `${path}.${key}`),
  );
}

/** `value` with the string at `path` replaced by `text`. */
function withString(value: unknown, path: readonly string[], text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withString(record[head], rest, text) };
}

describe('ill-formed Unicode or a NUL in any string field', () => {
  const cases = routeList.flatMap((route) =>
    stringLeaves(examples[route.name].request).map(
      ([path, text]) => [route.name, path, text] as [ApiName, string, string],
    ),
  );

  it.each(cases)('%s refuses a lone surrogate in %s, naming the field', (api, path, text) => {
    const body = withString(examples[api].request, path.split('.'), `${text}\ud800`);
    const result = validateRequest(api, body);
    expect(result.ok).toBe(false);
    expect(result.ok || result.issues.map((issue) => issue.path)).toContain(path);
  });

  it.each(cases)('%s refuses a NUL in %s, naming the field', (api, path, text) => {
    const body = withString(examples[api].request, path.split('.'), `${text}\u0000`);
    const result = validateRequest(api, body);
    expect(result.ok).toBe(false);
    expect(result.ok || result.issues.map((issue) => issue.path)).toContain(path);
  });

  it('keeps a customerId of U+FFFD characters apart from one with a lone surrogate', () => {
    const request = examples.retrieveCustomer.request;
    const replacement = validateRequest('retrieveCustomer', {
      ...request,
      customerId: 't\ufffd\ufffd\ufffdX',
    });
    expect(replacement.ok).toBe(true);
    const lone = validateRequest('retrieveCustomer', { ...request, customerId: 't\ud800X' });
    expect(lone.ok || lone.summary).toBe(
      'customerId: must be well-formed Unicode (no lone surrogates)',
    );
    expect(lone.ok || lone.responseCode).toBe('1020');
  });
});
