import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpDateError } from './errors.js';
import { formatHttpDate, parseHttpDate } from './http-date.js';

const LAST_PRINTABLE = Date.UTC(9999, 11, 31, 23, 59, 59);
const FIRST_PRINTABLE = new Date(0);
FIRST_PRINTABLE.setUTCFullYear(0, 0, 1);

describe('formatHttpDate', () => {
  it('prints IMF-fixdate in GMT', () => {
    expect(formatHttpDate(new Date(Date.UTC(2022, 1, 17, 8, 17, 59, 999)))).toBe(
      'Thu, 17 Feb 2022 08:17:59 GMT',
    );
    expect(formatHttpDate(new Date(Date.UTC(2024, 5, 2, 0, 0, 0)))).toBe(
      'Sun, 02 Jun 2024 00:00:00 GMT',
    );
  });

  it('pads years below 1000 to four digits', () => {
    const date = new Date(0);
    date.setUTCFullYear(42, 0, 1);
    expect(formatHttpDate(date)).toBe('Wed, 01 Jan 0042 00:00:00 GMT');
  });

  it('agrees with Date#toUTCString for every four-digit year from 1000 on', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1000, 0, 1)),
          max: new Date(LAST_PRINTABLE),
          noInvalidDate: true,
        }),
        (date) => {
          expect(formatHttpDate(date)).toBe(date.toUTCString());
        },
      ),
    );
  });

  it('refuses an invalid Date and years it cannot print in four digits', () => {
    expect(() => formatHttpDate(new Date(Number.NaN))).toThrow(HttpDateError);
    expect(() => formatHttpDate(new Date(LAST_PRINTABLE + 1000))).toThrow(HttpDateError);
    expect(() => formatHttpDate(new Date(Date.UTC(-1, 0, 1)))).toThrow(HttpDateError);
  });
});

describe('parseHttpDate', () => {
  it('reads IMF-fixdate', () => {
    expect(parseHttpDate('Thu, 17 Feb 2022 08:17:59 GMT').getTime()).toBe(
      Date.UTC(2022, 1, 17, 8, 17, 59),
    );
  });

  it('reads back whatever formatHttpDate prints, to the second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: FIRST_PRINTABLE, max: new Date(LAST_PRINTABLE), noInvalidDate: true }),
        (date) => {
          expect(parseHttpDate(formatHttpDate(date)).getTime()).toBe(
            Math.floor(date.getTime() / 1000) * 1000,
          );
        },
      ),
    );
  });

  it.each([
    ['RFC 850 form', 'Thursday, 17-Feb-22 08:17:59 GMT'],
    ['asctime form', 'Thu Feb 17 08:17:59 2022'],
    ['a numeric zone', 'Thu, 17 Feb 2022 08:17:59 +0000'],
    ['UTC instead of GMT', 'Thu, 17 Feb 2022 08:17:59 UTC'],
    ['ISO 8601', '2022-02-17T08:17:59Z'],
    ['lower-case names', 'thu, 17 feb 2022 08:17:59 GMT'],
    ['a one-digit day', 'Thu, 7 Feb 2022 08:17:59 GMT'],
    ['a leading space', ' Thu, 17 Feb 2022 08:17:59 GMT'],
    ['a trailing newline', 'Thu, 17 Feb 2022 08:17:59 GMT\n'],
    ['the wrong day name', 'Fri, 17 Feb 2022 08:17:59 GMT'],
    ['a day the month lacks', 'Mon, 29 Feb 2021 08:17:59 GMT'],
    ['day 00', 'Mon, 00 Feb 2021 08:17:59 GMT'],
    ['hour 24', 'Thu, 17 Feb 2022 24:00:00 GMT'],
    ['minute 60', 'Thu, 17 Feb 2022 08:60:00 GMT'],
    ['a leap second', 'Thu, 17 Feb 2022 08:17:60 GMT'],
    ['non-ASCII digits', 'Thu, １7 Feb 2022 08:17:59 GMT'],
    ['an empty string', ''],
  ])('refuses %s', (_label, value) => {
    expect(() => parseHttpDate(value)).toThrow(HttpDateError);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseHttpDate('Thu, 29 Feb 2024 23:59:59 GMT').getTime()).toBe(
      Date.UTC(2024, 1, 29, 23, 59, 59),
    );
  });
});
