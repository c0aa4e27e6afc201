import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { helperRoutes } from './helper-api.js';
import { buildJsonSchemas, buildOpenApiDocument, DECRYPTED_EXTENSION } from './openapi.js';
import { routeList } from './routes.js';

const doc = buildOpenApiDocument({
  version: '1.2.3',
  servers: [{ url: 'http://127.0.0.1:4010', description: 'local sandbox' }],
});

/** Every `$ref` anywhere in `value`. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

function resolve(root: unknown, pointer: string): unknown {
  expect(pointer.startsWith('#/')).toBe(true);
  return pointer
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by the official schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every route with exactly its methods, and the helper routes', () => {
    for (const route of routeList) {
      const item = doc.paths[route.path];
      expect(Object.keys(item ?? {}).sort()).toEqual(
        route.methods.map((m) => m.toLowerCase()).sort(),
      );
    }
    expect(Object.keys(doc.paths[helperRoutes.encrypt.path] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths[helperRoutes.decrypt.path] ?? {})).toEqual(['post']);
  });

  it('resolves every $ref', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) expect(resolve(doc, ref), ref).toBeDefined();
  });

  it('names the decrypted body of every envelope', () => {
    for (const route of routeList) {
      const name = route.name.charAt(0).toUpperCase() + route.name.slice(1);
      const envelope = doc.components.schemas[`${name}RequestEnvelope`] as {
        properties: { token: Record<string, unknown> };
      };
      expect(envelope.properties.token[DECRYPTED_EXTENSION]).toEqual({
        $ref: `#/components/schemas/${name}Request`,
      });
      const decrypted = doc.components.schemas[`${name}Request`] as {
        properties: Record<string, unknown>;
      };
      expect(Object.keys(decrypted.properties)).toContain('clientTxnId');
    }
  });

  it('lists caller servers first and carries the version', () => {
    expect(doc.servers[0]?.url).toBe('http://127.0.0.1:4010');
    expect(doc.info.version).toBe('1.2.3');
  });
});

describe('the JSON Schemas', () => {
  const schemas = buildJsonSchemas();

  it('exist for the request, response and params of every API', () => {
    for (const route of routeList) {
      const s = schemas[route.name];
      expect(s.request.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.request.additionalProperties).toBe(false);
      expect(s.response.additionalProperties).not.toBe(false);
      expect((s.request.properties as Record<string, { const?: number }>).messageCode?.const).toBe(
        route.requestMessageCode,
      );
    }
  });

  it('describe urn as a digit string or an integer, and amounts as integers within 12 digits', () => {
    const load = schemas.load.request.properties as Record<string, Record<string, unknown>>;
    expect(load.transactionAmount).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 999_999_999_999,
    });
    expect(JSON.stringify(load.urn)).toContain('^\\\\d{1,20}$');
    const register = schemas.registerCustomer.params.properties as Record<
      string,
      Record<string, unknown>
    >;
    expect(register.kycProfile?.default).toBe(30);
  });
});
