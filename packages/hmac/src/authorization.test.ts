import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AUTHORIZATION_LENGTH, parseAuthorization } from './authorization.js';
import { AuthorizationHeaderError, type AuthorizationProblem, HmacErrorCode } from './errors.js';
import { vectors } from './test-vectors.js';

const [vector] = vectors.hmac;
if (vector === undefined) throw new Error('the fixture has no hmac vector');
const SIGNATURE = vector.signatureHex;
const USERNAME = 'smsplus';

const PARAMETERS = [
  `username="${USERNAME}"`,
  'algorithm="sha512"',
  'headers="date"',
  `signature="${SIGNATURE}"`,
];

function problemOf(header: string): AuthorizationProblem | 'accepted' {
  try {
    parseAuthorization(header);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AuthorizationHeaderError)) throw error;
    return error.problem;
  }
}

describe('parseAuthorization', () => {
  it("reads openssl's documented header", () => {
    expect(parseAuthorization(vector.authorization)).toEqual({
      username: USERNAME,
      algorithm: 'sha512',
      headers: ['date'],
      signature: SIGNATURE,
    });
  });

  it('takes the parameters in any order, with or without spaces or tabs around commas', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(PARAMETERS, { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom(',', ', ', ' ,', ' , ', ',\t', ',  '), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.constantFrom('hmac', 'HMAC', 'Hmac'),
        fc.constantFrom(' ', '  '),
        (parameters, separators, scheme, gap) => {
          const list = parameters.reduce((text, parameter, index) =>
            index === 0 ? parameter : `${text}${separators[index - 1]}${parameter}`,
          );
          expect(parseAuthorization(`${scheme}${gap}${list}`)).toEqual({
            username: USERNAME,
            algorithm: 'sha512',
            headers: ['date'],
            signature: SIGNATURE,
          });
        },
      ),
    );
  });

  it('lowercases parameter names and the signed header names', () => {
    const parsed = parseAuthorization(
      `hmac Username="${USERNAME}", ALGORITHM="hmac-sha512", headers="Date Digest", signature="x"`,
    );
    expect(parsed).toEqual({
      username: USERNAME,
      algorithm: 'hmac-sha512',
      headers: ['date', 'digest'],
      signature: 'x',
    });
  });

  it('ignores spaces around the whole header', () => {
    expect(parseAuthorization(` \t${vector.authorization}\t `).signature).toBe(SIGNATURE);
  });

  const headerOf = (...parameters: string[]): string => `hmac ${parameters.join(', ')}`;
  const [username, algorithm, headers, signature] = PARAMETERS as [string, string, string, string];

  it.each<[string, string, AuthorizationProblem]>([
    ['an empty header', '', 'scheme'],
    ['Basic', 'Basic c21zcGx1czpzZWNyZXQ=', 'scheme'],
    ['Bearer', `Bearer ${SIGNATURE}`, 'scheme'],
    ['a scheme that only starts with hmac', `hmac-sha512 ${PARAMETERS.join(', ')}`, 'scheme'],
    ['the scheme alone', 'hmac', 'missing-parameter'],
    ['no space after the scheme', `hmac,${PARAMETERS.join(', ')}`, 'syntax'],
    [
      'a duplicated parameter',
      headerOf(username, algorithm, headers, signature, username),
      'duplicate-parameter',
    ],
    [
      'a duplicate differing in case',
      headerOf(username, algorithm, headers, signature, 'USERNAME="x"'),
      'duplicate-parameter',
    ],
    [
      'an unknown parameter',
      headerOf(username, algorithm, headers, signature, 'realm="wallet"'),
      'unknown-parameter',
    ],
    ['a missing parameter', headerOf(username, headers, signature), 'missing-parameter'],
    [
      'an unquoted value',
      headerOf(`username=${USERNAME}`, algorithm, headers, signature),
      'unquoted-value',
    ],
    [
      'a single-quoted value',
      headerOf(username, "algorithm='sha512'", headers, signature),
      'unquoted-value',
    ],
    [
      'an unterminated value',
      headerOf(username, algorithm, headers, `signature="${SIGNATURE}`),
      'syntax',
    ],
    [
      'an escaped quote',
      headerOf('username="sms\\"plus"', algorithm, headers, signature),
      'syntax',
    ],
    [
      'a control character in a value',
      headerOf('username="sms\nplus"', algorithm, headers, signature),
      'syntax',
    ],
    ['a space before =', headerOf('username ="smsplus"', algorithm, headers, signature), 'syntax'],
    ['a missing comma', `hmac ${username} ${algorithm}, ${headers}, ${signature}`, 'syntax'],
    ['a trailing comma', `${headerOf(...PARAMETERS)},`, 'syntax'],
    ['two commas in a row', `hmac ${username},, ${algorithm}, ${headers}, ${signature}`, 'syntax'],
    ['an empty value', headerOf(username, 'algorithm=""', headers, signature), 'empty-value'],
    [
      'repeated signed headers',
      headerOf(username, algorithm, 'headers="date date"', signature),
      'headers-list',
    ],
    [
      'two spaces between signed headers',
      headerOf(username, algorithm, 'headers="date  digest"', signature),
      'headers-list',
    ],
    [
      'a signed header that is not a token',
      headerOf(username, algorithm, 'headers="date (x)"', signature),
      'headers-list',
    ],
  ])('refuses %s', (_label, header, problem) => {
    expect(problemOf(header)).toBe(problem);
  });

  it('refuses a header longer than 4 KiB before reading it, and accepts one of exactly 4 KiB', () => {
    const exact = headerOf(username, algorithm, headers, 'signature="s"');
    const padded = exact.replace(
      '"s"',
      `"${'s'.repeat(MAX_AUTHORIZATION_LENGTH - exact.length + 1)}"`,
    );
    expect(padded).toHaveLength(MAX_AUTHORIZATION_LENGTH);
    expect(problemOf(padded)).toBe('accepted');
    expect(problemOf(`${padded} `)).toBe('too-long');
    expect(
      problemOf(headerOf(username, algorithm, headers, `signature="${'a'.repeat(1 << 20)}"`)),
    ).toBe('too-long');
  });

  it('throws a coded error whose message quotes nothing from the header', () => {
    const secret = 'ea9aff9614a574187123bae58a66acd5';
    const hostile = [
      headerOf(username, algorithm, headers, `signature="${secret}"`, `signature="${secret}"`),
      headerOf(`username=${secret}`, algorithm, headers, signature),
      headerOf(username, algorithm, headers, `${secret}="x"`),
      `Basic ${secret}`,
      `hmac ${secret}`,
    ];
    for (const header of hostile) {
      let caught: unknown;
      try {
        parseAuthorization(header);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AuthorizationHeaderError);
      const error = caught as AuthorizationHeaderError;
      expect(error.code).toBe(HmacErrorCode.AuthorizationMalformed);
      expect(error.code).toBe('AUTHORIZATION_MALFORMED');
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain(USERNAME);
    }
  });
});
