import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';
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
  it('reads a success answer and refuses a wrong message code', () => {
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
