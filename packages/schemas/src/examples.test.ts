import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';
import { routeList } from './routes.js';
import { validateRequest, validateResponse } from './validate.js';

interface EnvelopeVector {
  readonly name: string;
  readonly plaintext: string;
}
const vectors = JSON.parse(
  readFileSync(new URL('../../../fixtures/wallet-vectors.json', import.meta.url), 'utf8'),
) as { envelope: EnvelopeVector[] };
const plaintext = (name: string): unknown =>
  JSON.parse(vectors.envelope.find((v) => v.name === name)?.plaintext ?? 'null');

describe('the spec sample bodies', () => {
  it('parses the Register Customer sample (register-compact)', () => {
    const result = validateRequest('registerCustomer', plaintext('register-compact'));
    expect(result.ok).toBe(true);
  });

  it('parses the Retrieve Customer Record sample (retrieve-unicode), urn as a string', () => {
    const result = validateRequest('retrieveCustomer', plaintext('retrieve-unicode'));
    expect(result.ok && result.value.urn).toBe('5');
    expect(result.ok && result.value.emailId).toBe('zoë.ünïcode@example.com');
  });

  it('is what the examples hold for those two APIs', () => {
    expect(examples.registerCustomer.request).toEqual(plaintext('register-compact'));
    expect(examples.retrieveCustomer.request).toEqual(plaintext('retrieve-unicode'));
  });
});

describe.each(routeList.map((r) => [r.name, r] as const))('the %s example', (name, route) => {
  const example = examples[name];

  it('request parses and survives a JSON round trip', () => {
    const result = validateRequest(name, example.request);
    if (!result.ok) throw new Error(result.summary);
    const again = validateRequest(name, JSON.parse(JSON.stringify(result.value)));
    expect(again.ok && again.value).toEqual(result.value);
  });

  it('response parses, with the right codes and success message', () => {
    const result = validateResponse(name, example.response);
    if (!result.ok) throw new Error(result.summary);
    const response: { messageCode?: unknown; responseMessage: string } = result.value;
    const request = example.request as { messageCode?: unknown };
    expect(response.messageCode).toBe(route.responseMessageCode);
    expect(response.responseMessage).toBe(route.successMessage);
    expect(request.messageCode).toBe(route.requestMessageCode);
    // An API without message codes carries none, not even an undefined one.
    expect('messageCode' in request).toBe(route.requestMessageCode !== undefined);
    expect('messageCode' in response).toBe(route.responseMessageCode !== undefined);
  });
});
