import { describe, expect, it } from 'vitest';
import { MASKED, maskedHeaders } from './headers.js';

describe('maskedHeaders', () => {
  it('hides the secrets and keeps every other header, __proto__ included', () => {
    const headers = new Headers([
      ['Authorization', 'hmac username="m", algorithm="sha512", headers="date", signature="abc"'],
      ['x-api-key', 'secret'],
      ['__proto__', 'kept'],
      ['date', 'Thu, 17 Feb 2022 08:17:59 GMT'],
    ]);
    const masked = maskedHeaders(headers);
    expect(Object.keys(masked).sort()).toEqual(['__proto__', 'authorization', 'date', 'x-api-key']);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toBe('kept');
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(masked.authorization).toBe(
      `hmac username="m", algorithm="sha512", headers="date", signature="${MASKED}"`,
    );
    expect(masked['x-api-key']).toBe(MASKED);
  });
});
