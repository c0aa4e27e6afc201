import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { formatDayMonthYear } from './dates.js';
import {
  amountPaiseSchema,
  booleanSchema,
  clientTxnIdSchema,
  customerIdSchema,
  dobSchema,
  emailSchema,
  fundFlowTypeSchema,
  genderSchema,
  isoDateSchema,
  kycProfileSchema,
  mobileSchema,
  personNameSchema,
  productIdSchema,
  requestDateTimeSchema,
  riskCategoryName,
  riskCategorySchema,
  statementDateSchema,
  textSchema,
  transactionAmountSchema,
  urnSchema,
} from './fields.js';

/** Runs one table of accepted and rejected values against a field schema. */
function table(
  schema: z.ZodType,
  accepted: readonly unknown[],
  rejected: readonly unknown[],
): void {
  it.each(accepted.map((v) => [v]))('accepts %j', (value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });
  it.each(rejected.map((v) => [v]))('rejects %j', (value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
}

const DAY_MS = 86_400_000;

describe('clientTxnId: 1-100 of A-Z a-z 0-9 - _', () => {
  table(
    clientTxnIdSchema,
    ['a', 'txn12345', 'Register_20240408101003', 'A-z_0-9', 'x'.repeat(100)],
    ['', 'x'.repeat(101), 'a b', 'a.b', 'é', 'txn#1', 12345, null, undefined],
  );
});

describe('requestDateTime: 14 digits, a real calendar time', () => {
  table(
    requestDateTimeSchema,
    ['20230810123015', '20240229000000', '99991231235959'],
    ['20230229000000', '20230231120000', '20230810250000', '2023081012301', 20230810123015, ''],
  );
});

describe('mobile: 10-15 digits starting with the country code', () => {
  table(
    mobileSchema,
    ['919988776655', '9990099999', '123456789012345'],
    [
      '999009999',
      '1234567890123456',
      '0919988776655',
      '+919988776655',
      '91 9988776655',
      '91998877665a',
      919988776655,
    ],
  );
});

describe('email: local@domain, at most 50 characters', () => {
  const fifty = `${'a'.repeat(38)}@example.com`;
  table(
    emailSchema,
    [
      'a@b.co',
      'first.last+tag@sub.example.in',
      'zoë.ünïcode@example.com',
      "o'brien@example.org",
      fifty,
    ],
    [
      `a${fifty}`,
      '',
      'a@b',
      'a@@b.co',
      'a b@c.co',
      '.a@b.co',
      'a.@b.co',
      'a..b@c.co',
      'a@-b.co',
      'a@b.c',
      'ab.co',
      42,
    ],
  );
  it('counts the 50 characters in code points', () => {
    const local = 'ü'.repeat(38);
    expect(emailSchema.safeParse(`${local}@example.com`).success).toBe(true);
    expect(emailSchema.safeParse(`${local}ü@example.com`).success).toBe(false);
  });
});

describe('name rule N', () => {
  table(
    personNameSchema,
    ['A', 'Alice', 'Mary Ann', 'J.', '.J', 'J. R. R', 'x'.repeat(50), `A${' '.repeat(48)}B`],
    [
      '',
      'x'.repeat(51),
      ' Alice',
      'Alice ',
      ' ',
      'Al1ce',
      "O'Brien",
      'Anne-Marie',
      'Zoë',
      'Alice\n',
      5,
    ],
  );
});

describe('amounts in paise: a JSON integer of at most 12 digits', () => {
  table(
    amountPaiseSchema,
    [0, 1, 525, 999_999_999_999],
    [1_000_000_000_000, 2 ** 53, 2 ** 53 + 2, 1.5, 0.1, -1, '100', '', Number.NaN, Infinity, null],
  );

  it('explains each refusal in plain words', () => {
    const message = (value: unknown) =>
      amountPaiseSchema.safeParse(value).error?.issues[0]?.message;
    expect(message(1.5)).toBe('must be a whole number of paise (a JSON integer, not a string)');
    expect(message('100')).toBe('must be a whole number of paise (a JSON integer, not a string)');
    expect(message(-1)).toBe('must not be negative');
    expect(message(2 ** 53)).toBe('must have at most 12 digits');
    expect(message(undefined)).toBe('is required');
  });

  it('refuses a zero transaction amount with code 1322', () => {
    const issue = transactionAmountSchema.safeParse(0).error?.issues[0];
    expect(issue?.message).toBe('must be greater than zero');
    expect(issue?.code === 'custom' && issue.params).toEqual({ platformCode: '1322' });
    expect(transactionAmountSchema.safeParse(1).success).toBe(true);
  });
});

describe('dateOfBirth: DD-MM-YYYY, a real day, not in the future', () => {
  const today = formatDayMonthYear(new Date(), '-');
  const tomorrow = formatDayMonthYear(new Date(Date.now() + 2 * DAY_MS), '-');
  table(
    dobSchema,
    ['12-12-2000', '29-02-2024', '29-02-2000', '01-01-1900', today],
    [
      '29-02-2023',
      '29-02-1900',
      '31-02-2000',
      '31-04-2001',
      '00-01-2000',
      '2000-12-12',
      '12/12/2000',
      tomorrow,
      12122000,
    ],
  );
  it('names the rule that failed', () => {
    expect(dobSchema.safeParse('31-02-2000').error?.issues[0]?.message).toBe(
      'must be a real date in DD-MM-YYYY',
    );
    expect(dobSchema.safeParse(tomorrow).error?.issues[0]?.message).toBe(
      'must not be in the future',
    );
  });
});

describe('statement dates: DD/MM/YYYY, a real day', () => {
  table(
    statementDateSchema,
    ['01/04/2024', '29/02/2024'],
    ['29/02/2023', '01-04-2024', '1/4/2024', '2024/04/01'],
  );
});

describe('Check Status dates: YYYY-MM-DD, a real day', () => {
  table(isoDateSchema, ['2024-04-01', '2024-02-29'], ['2023-02-29', '01-04-2024', '2024-4-1']);
});

describe('urn: 1-20 digits, a string or a safe integer, read as a string', () => {
  table(
    urnSchema,
    ['5', '0005', '12345678901234567890', 0, 5, 2 ** 53 - 1],
    ['', '123456789012345678901', 'a1', ' 5', '-1', -1, 1.5, 2 ** 53, null, true],
  );
  it('normalises integers to digit strings and keeps leading zeros of strings', () => {
    expect(urnSchema.parse(5)).toBe('5');
    expect(urnSchema.parse(2 ** 53 - 1)).toBe('9007199254740991');
    expect(urnSchema.parse('0005')).toBe('0005');
  });
});

describe('productId: an integer of 1-5 digits', () => {
  table(productIdSchema, [1, 35, 99_999], [0, 100_000, -5, 1.5, '35']);
});

describe('kycProfile / cardProfileId', () => {
  table(kycProfileSchema, [30, 150, 300], [0, 31, '30', null]);
});

describe('riskCategory: names or codes', () => {
  table(
    riskCategorySchema,
    ['Low', 'Medium', 'High', '100', '500', '200', 100, 500, 200],
    ['low', 'LOW', '300', 300, ''],
  );
  it('maps every value to its name', () => {
    expect(riskCategoryName('100')).toBe('Low');
    expect(riskCategoryName(500)).toBe('Medium');
    expect(riskCategoryName('200')).toBe('High');
    expect(riskCategoryName('High')).toBe('High');
  });
});

describe('enumerations', () => {
  describe('gender', () => table(genderSchema, ['M', 'F', 'O'], ['m', 'X', '', 'Male']));
  describe('fundFlowType', () =>
    table(fundFlowTypeSchema, ['O', 'I', 'IO', 'OR', 'IR', 'IOR'], ['OI', 'io', '']));
  describe('booleans', () => table(booleanSchema, [true, false], ['true', 0, 1, null]));
});

describe('free text: lengths in characters (code points), not UTF-16 units', () => {
  table(
    customerIdSchema,
    ['1', 'x'.repeat(50), '😀'.repeat(50)],
    ['', 'x'.repeat(51), '😀'.repeat(51)],
  );
  it('words the range', () => {
    expect(textSchema(1, 100).safeParse('').error?.issues[0]?.message).toBe(
      'must be 1 to 100 characters',
    );
  });
});

describe('free text: no NUL character', () => {
  table(customerIdSchema, ['a\u0001b', 'x\u007f'], ['\u0000', 'a\u0000', '\u0000b', 'a\u0000b']);
  it('words the rule without the value', () => {
    expect(textSchema(1, 50).safeParse('a\u0000b').error?.issues[0]?.message).toBe(
      'must not contain the NUL character (U+0000)',
    );
  });
});

describe('free text: well-formed Unicode only', () => {
  table(
    customerIdSchema,
    ['t\ufffd\ufffd\ufffdX', 'a\ud83d\ude00b', '\u{10ffff}'],
    ['t\ud800X', '\ud800', '\udc00x', 'x\ud83d', '\ude00\ud83d'],
  );
  it('words the rule without the value', () => {
    expect(textSchema(1, 50).safeParse('t\ud800X').error?.issues[0]?.message).toBe(
      'must be well-formed Unicode (no lone surrogates)',
    );
  });
});
