import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDayMonthYear,
  formatRequestDateTime,
  isLeapYear,
  isRealDate,
  isRequestDateTime,
  parseDayMonthYear,
  parseIsoDate,
  todayKey,
} from './dates.js';
import { SchemaArgumentError } from './validation-error.js';

describe('calendar', () => {
  it.each([
    [2000, true],
    [2024, true],
    [1900, false],
    [2023, false],
    [2100, false],
    [2400, true],
  ])('leap year %i is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(isRealDate(year, 2, 29)).toBe(leap);
  });

  it('knows the length of every month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((days, i) => {
      expect(isRealDate(2023, i + 1, days)).toBe(true);
      expect(isRealDate(2023, i + 1, days + 1)).toBe(false);
    });
    expect(isRealDate(2023, 0, 1)).toBe(false);
    expect(isRealDate(2023, 13, 1)).toBe(false);
    expect(isRealDate(0, 1, 1)).toBe(false);
  });

  it('agrees with Date about which days exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          expect(isRealDate(y, m, d)).toBe(date.getUTCDate() === d);
        },
      ),
    );
  });
});

describe('parseDayMonthYear / parseIsoDate', () => {
  it('reads real days as YYYYMMDD', () => {
    expect(parseDayMonthYear('29-02-2024', '-')).toBe(20240229);
    expect(parseDayMonthYear('01/04/2024', '/')).toBe(20240401);
    expect(parseIsoDate('2024-04-01')).toBe(20240401);
  });

  it.each([
    '31-02-2024',
    '29-02-2023',
    '00-01-2024',
    '1-01-2024',
    '01/01/2024',
    '01-01-24',
    '01-01-2024 ',
    'aa-bb-cccc',
  ])('refuses %j as DD-MM-YYYY', (text) => {
    expect(parseDayMonthYear(text, '-')).toBeUndefined();
  });

  it('refuses malformed ISO dates', () => {
    expect(parseIsoDate('2024-02-30')).toBeUndefined();
    expect(parseIsoDate('2024/02/01')).toBeUndefined();
    expect(parseIsoDate('01-02-2024')).toBeUndefined();
  });
});

describe('requestDateTime', () => {
  it.each([
    ['20230810123015', true],
    ['20240229235959', true],
    ['20230229000000', false],
    ['20230810240000', false],
    ['20230810236000', false],
    ['20230810235960', false],
    ['2023081012301', false],
    ['202308101230150', false],
    ['2023081012301a', false],
  ])('%s is %s', (text, ok) => {
    expect(isRequestDateTime(text)).toBe(ok);
  });

  it('formats on the IST wall clock by default and UTC on request', () => {
    const date = new Date('2023-08-10T07:00:15Z');
    expect(formatRequestDateTime(date)).toBe('20230810123015');
    expect(formatRequestDateTime(date, 0)).toBe('20230810070015');
    expect(formatRequestDateTime(new Date('2023-12-31T20:00:00Z'))).toBe('20240101013000');
  });

  it('always formats a valid requestDateTime', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9998-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(isRequestDateTime(formatRequestDateTime(date))).toBe(true);
        },
      ),
    );
  });

  it('refuses an invalid Date with a coded error', () => {
    expect(() => formatRequestDateTime(new Date('nope'))).toThrow(SchemaArgumentError);
  });
});

describe('today on the platform clock', () => {
  it('is the IST calendar day', () => {
    // 20:00 UTC on 31 Dec is already 1 Jan in India.
    expect(todayKey(new Date('2023-12-31T20:00:00Z'))).toBe(20240101);
    expect(todayKey(new Date('2023-12-31T18:00:00Z'))).toBe(20231231);
  });

  it('formats days in both separators', () => {
    const date = new Date('2024-02-29T00:00:00Z');
    expect(formatDayMonthYear(date, '-')).toBe('29-02-2024');
    expect(formatDayMonthYear(date, '/')).toBe('29/02/2024');
  });
});
