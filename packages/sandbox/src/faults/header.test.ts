import { describe, expect, it } from 'vitest';
import { FaultHeaderError, parseFaultHeader } from './header.js';

describe('parseFaultHeader', () => {
  it('reads each fault and their combinations', () => {
    expect(parseFaultHeader('status=503')).toEqual({ status: 503 });
    expect(parseFaultHeader('latency=250ms')).toEqual({ latencyMs: 250 });
    expect(parseFaultHeader('latency=2s')).toEqual({ latencyMs: 2000 });
    expect(parseFaultHeader('latency=100-300ms')).toEqual({ latencyMs: [100, 300] });
    expect(parseFaultHeader('drop')).toEqual({ drop: 'before' });
    expect(parseFaultHeader('drop=after')).toEqual({ drop: 'after' });
    expect(parseFaultHeader('timeout')).toEqual({ timeout: 'before' });
    expect(parseFaultHeader(' status=429 ; retry-after=2 ; code=1052 ')).toEqual({
      status: 429,
      retryAfterSeconds: 2,
      responseCode: '1052',
    });
  });

  it('names the part it cannot read', () => {
    const part = (value: string) => {
      try {
        parseFaultHeader(value);
      } catch (error) {
        if (error instanceof FaultHeaderError) return error.part;
      }
      return undefined;
    };
    expect(part('explode')).toBe('explode');
    expect(part('status=200')).toBe('status');
    expect(part('latency=fast')).toBe('latency');
    expect(part('drop=later')).toBe('drop');
    expect(part('code=9999')).toBe('responseCode');
    expect(part('latency=300-100ms')).toBe('latencyMs');
  });
});
