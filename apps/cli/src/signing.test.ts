import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir } from './test-support.js';

interface HmacVector {
  readonly name: string;
  readonly merchantKey: string;
  readonly merchantSalt: string;
  readonly date: string;
  readonly authorization: string;
}
interface DigestVector {
  readonly name: string;
  readonly body: string;
  readonly digestHeader: string;
}

const fixtures = JSON.parse(
  readFileSync(new URL('../../../fixtures/wallet-vectors.json', import.meta.url), 'utf8'),
) as { hmac: HmacVector[]; digest: DigestVector[] };

const dir = tempDir();
const first = fixtures.hmac[0] as HmacVector;
const merchant = {
  WALLET_MERCHANT_KEY: first.merchantKey,
  WALLET_MERCHANT_SALT: first.merchantSalt,
};
const run = (args: readonly string[], env: Record<string, string> = merchant, input?: string) =>
  runCli(args, { configHome: dir.path, env, ...(input === undefined ? {} : { input }) });

beforeAll(assertBuilt);
afterAll(() => dir.remove());

describe('wallet sign', () => {
  it.each(fixtures.hmac)(
    'prints the headers of the openssl vector $name for its --date',
    async (vector) => {
      const env = {
        WALLET_MERCHANT_KEY: vector.merchantKey,
        WALLET_MERCHANT_SALT: vector.merchantSalt,
      };
      const result = await run(['sign', '--date', vector.date], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          'walletIdentifier: CLW',
          `date: ${vector.date}`,
          `Authorization: ${vector.authorization}`,
          'Content-Type: application/json',
          '',
        ].join('\n'),
      );
      expect(result.stdout).not.toContain(vector.merchantSalt);
    },
  );

  it('signs now by default, and takes ISO 8601 dates', async () => {
    const before = Date.now();
    const now = await run(['sign', '--json']);
    const headers = JSON.parse(now.stdout) as Record<string, string>;
    expect(Math.abs(Date.parse(headers.date ?? '') - before)).toBeLessThan(5000);
    const iso = await run(['sign', '--date', '2022-02-17T08:17:59Z']);
    expect(iso.stdout).toContain(`Authorization: ${first.authorization}`);
  });

  it.each(fixtures.digest)(
    'adds the digest of the openssl vector $name with a digest profile',
    async (vector) => {
      const result = await run([
        '--auth-profile',
        'payu-hmac+digest',
        'sign',
        '--json',
        '--body',
        vector.body,
      ]);
      expect(result.code).toBe(0);
      const headers = JSON.parse(result.stdout) as Record<string, string>;
      expect(headers.digest).toBe(vector.digestHeader);
      expect(headers.Authorization).toContain('headers="date digest"');
    },
  );

  it('refuses an unknown profile or date with exit code 2', async () => {
    const profile = await run(['--auth-profile', 'nope', 'sign']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('There is no signing profile called nope');
    const date = await run(['sign', '--date', 'yesterday']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date is neither an HTTP date nor an ISO 8601 time');
  });
});

describe('wallet verify', () => {
  it('accepts what sign prints, piped in, naming the merchant and the profile', async () => {
    const signed = await run(['sign']);
    const result = await run(['verify'], merchant, signed.stdout);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `valid: signed by merchant ${first.merchantKey} with profile payu-hmac\n`,
    );
  });

  it.each(['payu-v2', 'payu-hmac+hmac-sha512+base64'])(
    'tells the profile %s apart',
    async (profile) => {
      const signed = await run(['--auth-profile', profile, 'sign', '--body', '{"token":"x"}']);
      const result = await run(
        ['verify', '--json', '--body', '{"token":"x"}'],
        merchant,
        signed.stdout,
      );
      expect(JSON.parse(result.stdout)).toEqual({
        valid: true,
        merchantKey: first.merchantKey,
        profile,
      });
    },
  );

  it('says the date is outside the clock skew, by how much, and accepts it with --now', async () => {
    const headers = ['-H', `date: ${first.date}`, '-H', `Authorization: ${first.authorization}`];
    const late = await run(['verify', ...headers]);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(
      /^invalid: clock-skew \(the platform answers HTTP 401 .+\)\nThe date header is \d+ s before now/,
    );
    const ok = await run(['verify', ...headers, '--now', '2022-02-17T08:22:59Z']);
    expect(ok.code).toBe(0);
    const edge = await run(['verify', ...headers, '--now', '2022-02-17T08:23:00Z']);
    expect(edge.code).toBe(1);
    const wider = await run([
      'verify',
      ...headers,
      '--now',
      '2022-02-17T08:23:00Z',
      '--clock-skew',
      '301',
    ]);
    expect(wider.code).toBe(0);
  });

  it('reports a wrong salt as a bad signature, without printing either salt', async () => {
    const signed = await run(['sign']);
    const other = { ...merchant, WALLET_MERCHANT_SALT: 'another-salt-entirely' };
    const result = await run(['verify', '--json'], other, signed.stdout);
    expect(result.code).toBe(1);
    const response = JSON.parse(result.stdout) as Record<string, string>;
    expect(response.valid).toBe(false);
    expect(response.reason).toBe('bad-signature');
    expect(result.stdout + result.stderr).not.toContain(first.merchantSalt);
    expect(result.stdout + result.stderr).not.toContain('another-salt-entirely');
  });

  it('reports a malformed header with the rule it breaks, and a missing one', async () => {
    const malformed = await run([
      'verify',
      '-H',
      'Authorization: hmac nonsense',
      '-H',
      `date: ${first.date}`,
    ]);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toContain('invalid: malformed');
    expect(malformed.stdout).toContain('name="value"');
    const missing = await run(['verify', '-H', `date: ${first.date}`]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('invalid: missing');
  });

  it('checks the digest against --body', async () => {
    const signed = await run([
      '--auth-profile',
      'payu-hmac+digest',
      'sign',
      '--body',
      '{"token":"a"}',
    ]);
    const same = await run(['verify', '--body', '{"token":"a"}'], merchant, signed.stdout);
    expect(same.code).toBe(0);
    const changed = await run(['verify', '--body', '{"token":"b"}'], merchant, signed.stdout);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('invalid: digest-mismatch');
  });

  it('needs headers: exit code 2 when none are given', async () => {
    const result = await run(['verify'], merchant, '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error INPUT_MISSING: No headers were given.');
  });
});
