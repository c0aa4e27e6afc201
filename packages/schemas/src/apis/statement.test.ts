import { describe, expect, it } from 'vitest';
import { formatDayMonthYear } from '../dates.js';
import { examples } from '../examples.js';
import { validateRequest } from '../validate.js';
import { statementRangeProblem } from './statement.js';

const base = examples.statement.request;
const now = new Date('2024-04-10T06:00:00Z');

describe('statementRangeProblem', () => {
  it.each([
    ['01/04/2024', '10/04/2024', undefined],
    ['10/04/2024', '10/04/2024', undefined],
    ['11/01/2024', '10/04/2024', undefined],
    ['10/01/2024', '10/04/2024', 'toDate: must be at most 90 days after fromDate'],
    ['10/04/2024', '09/04/2024', 'toDate: must not be before fromDate'],
    ['01/04/2024', '11/04/2024', 'toDate: must not be in the future'],
    ['11/04/2024', '12/04/2024', 'fromDate: must not be in the future'],
  ])('%s to %s: %s', (from, to, problem) => {
    expect(statementRangeProblem(from, to, now)).toBe(problem);
  });
});

describe('Statement Inquiry request', () => {
  it('answers 1074 for a bad range, named on the offending date', () => {
    const result = validateRequest('statement', {
      ...base,
      fromDate: '10/04/2024',
      toDate: '01/04/2024',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.responseCode).toBe('1074');
      expect(result.summary).toBe('toDate: must not be before fromDate');
    }
  });

  it('answers 1074 for a date in the future', () => {
    const tomorrow = formatDayMonthYear(new Date(Date.now() + 2 * 86_400_000), '/');
    const result = validateRequest('statement', { ...base, toDate: tomorrow, fromDate: tomorrow });
    expect(result.ok || result.responseCode).toBe('1074');
  });

  it('answers 1020 for a malformed date, before any range rule', () => {
    const result = validateRequest('statement', { ...base, toDate: '31/04/2024' });
    expect(result.ok || [result.responseCode, result.summary]).toEqual([
      '1020',
      'toDate: must be a real date in DD/MM/YYYY',
    ]);
  });

  it.each([
    ['pageNumber', 1, true],
    ['pageNumber', 0, false],
    ['pageNumber', 1.5, false],
    ['count', 1, true],
    ['count', 100, true],
    ['count', 101, false],
    ['count', 0, false],
  ])('%s %j: ok=%s', (field, value, ok) => {
    expect(validateRequest('statement', { ...base, [field]: value }).ok).toBe(ok);
  });

  it('requires the urn', () => {
    const { urn: _u, ...rest } = base;
    const result = validateRequest('statement', rest);
    expect(result.ok || result.summary).toBe('urn: is required');
  });
});
