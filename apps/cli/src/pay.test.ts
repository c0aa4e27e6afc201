import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAY_EXAMPLES } from './commands/pay/command.js';
import { assertBuilt, runCli, tempDir } from './test-support.js';

interface PayuVector {
  readonly name: string;
  readonly kind: 'payment' | 'response' | 'command' | 'pgLoadChecksum';
  readonly salt: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly status?: string;
  readonly additional_charges?: string;
  readonly additionalCharges?: string;
  readonly key?: string;
  readonly command?: string;
  readonly var1?: string;
  readonly string: string;
  readonly sha512?: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../../fixtures/payu-hash-vectors.json', import.meta.url), 'utf8'),
  ) as { vectors: PayuVector[] }
).vectors;
const ofKind = (kind: PayuVector['kind']) => vectors.filter((v) => v.kind === kind);

const dir = tempDir();
const KEY = 'sbxKey01';
const SALT = 'Qm9yZWRTYWx0MDE';
const merchant = { WALLET_MERCHANT_KEY: KEY, WALLET_MERCHANT_SALT: SALT };
const run = (
  args: readonly string[],
  env: Record<string, string> = merchant,
  input?: string,
  cwd?: string,
) =>
  runCli(args, {
    configHome: dir.path,
    env,
    ...(input === undefined ? {} : { input }),
    ...(cwd === undefined ? {} : { cwd }),
  });

/** The shared vectors' response for order_20261204_0001, and its hash under SALT. */
const RESPONSE = ofKind('response').find((v) => v.salt === SALT && v.status === 'success');
if (RESPONSE?.params === undefined || RESPONSE.sha512 === undefined) {
  throw new Error('fixtures/payu-hash-vectors.json lacks the success response under the salt');
}
const callback: Record<string, string> = {
  mihpayid: '403993715521937565',
  mode: 'CLW',
  status: 'success',
  ...RESPONSE.params,
  hash: RESPONSE.sha512,
};
const form = (fields: Readonly<Record<string, string>>) => new URLSearchParams(fields).toString();

/** The flags of a vector's fields: `--name value` for each. */
function flags(fields: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(fields).flatMap(([name, value]) =>
    value === undefined ? [] : [`--${name.replaceAll('_', '-')}`, value],
  );
}

const PAYMENT_FLAGS = [
  '--txnid',
  'order_0001',
  '--amount',
  '525.00',
  '--productinfo',
  'Monthly pass',
  '--firstname',
  'Asha',
  '--email',
  'asha@example.com',
  '--phone',
  '9876543210',
  '--surl',
  'https://shop.example/paid',
  '--furl',
  'https://shop.example/failed',
];

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let unreachable: Record<string, string>;

beforeAll(async () => {
  assertBuilt();
  unreachable = {
    ...merchant,
    WALLET_GATEWAY: `http://127.0.0.1:${await closedPort()}`,
    WALLET_ENCRYPTION_KEY: '000102030405060708090a0b0c0d0e0f1011121314151617',
  };
});
afterAll(() => dir.remove());

describe('wallet pay hash', () => {
  it.each(ofKind('payment'))('payment: $name', async (v) => {
    const env = { WALLET_MERCHANT_KEY: v.params?.key ?? '', WALLET_MERCHANT_SALT: v.salt };
    const fields = { ...v.params, key: undefined, additional_charges: v.additional_charges };
    const result = await run(['pay', 'hash', '--kind', 'payment', ...flags(fields), '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: 'payment',
      string: v.string.replace(v.salt, '***'),
      saltMask: '***',
      hash: v.sha512,
    });
  });

  it.each(ofKind('response'))('response: $name', async (v) => {
    const env = { WALLET_MERCHANT_SALT: v.salt };
    const fields = { ...v.params, status: v.status, additional_charges: v.additionalCharges };
    const result = await run(['pay', 'hash', '--kind', 'response', ...flags(fields)], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`string  ${v.string.replace(v.salt, '***')}\nhash    ${v.sha512}\n`);
    expect(result.stdout).not.toContain(v.salt);
  });

  it.each(ofKind('command'))('command: $name', async (v) => {
    const env = { WALLET_MERCHANT_KEY: v.key ?? '', WALLET_MERCHANT_SALT: v.salt };
    const args = ['--command', v.command ?? '', '--var1', v.var1 ?? ''];
    const result = await run(['pay', 'hash', '--kind', 'command', ...args, '--json'], env);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { string: string; hash: string };
    expect(printed.string).toBe(v.string.replace(v.salt, '***'));
    expect(printed.hash).toBe(v.sha512);
  });

  it('names the flag a kind needs, and refuses a field PayU would refuse', async () => {
    const missing = await run(['pay', 'hash', '--kind', 'response', '--txnid', 'order_1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error USAGE: --amount is required for --kind response\./);
    const pipe = await run([
      'pay',
      'hash',
      '--kind',
      'payment',
      '--txnid',
      'order_1',
      '--amount',
      '10.00',
      '--productinfo',
      'a|b',
      '--firstname',
      'Asha',
      '--email',
      'a@b.in',
      '--json',
    ]);
    expect(pipe.code).toBe(2);
    expect(JSON.parse(pipe.stderr)).toMatchObject({
      error: { code: 'CHECKOUT_FIELD_INVALID', field: 'productinfo', exitCode: 2 },
    });
    const amount = await run(['pay', 'hash', '--kind', 'payment', ...PAYMENT_FLAGS.slice(0, 2)]);
    expect(amount.code).toBe(2);
    const noSalt = await run(
      ['pay', 'hash', '--kind', 'command', '--command', 'x', '--var1', 'y'],
      {
        WALLET_MERCHANT_KEY: KEY,
      },
    );
    expect(noSalt.code).toBe(2);
    expect(noSalt.stderr).toMatch(/^Error CONFIG_MISSING: No merchant salt is configured\./);
  });
});

describe('wallet pay form', () => {
  const sha512 = (text: string) => createHash('sha512').update(text).digest('hex');

  it('prints the hosted form for the test gateway, hashed by the shared vector string', async () => {
    const result = await run(['--gateway', 'test', 'pay', 'form', ...PAYMENT_FLAGS, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { action: string; fields: Record<string, string> };
    expect(printed.action).toBe('https://test.payu.in/_payment');
    expect(printed.fields).toMatchObject({ key: KEY, txnid: 'order_0001', amount: '525.00' });
    expect(printed.fields.hash).toBe(
      sha512(`${KEY}|order_0001|525.00|Monthly pass|Asha|asha@example.com|||||||||||${SALT}`),
    );
    expect(result.stdout).not.toContain(SALT);
  });

  it('posts to the base URL of a sandbox, with pg, the bank code and the wallet when merchant-hosted', async () => {
    const env = { ...merchant, WALLET_BASE_URL: 'http://127.0.0.1:4010', WALLET_BANKCODE: 'CLWX' };
    const args = ['pay', 'form', ...PAYMENT_FLAGS, '--mode', 'merchant-hosted'];
    const result = await run([...args, '--walleturn', '10000000005'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:4010\/_payment\n/);
    expect(result.stdout).toMatch(/\npg +CLW\n/);
    expect(result.stdout).toMatch(/\nbankcode +CLWX\n/);
    expect(result.stdout).toMatch(/\nwalleturn +10000000005\n/);
    const html = await run([...args, '--customer-id', 'cust-1', '--html'], env);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<form id="payment" action="http://127.0.0.1:4010/_payment"');
    expect(html.stdout).toContain('<input type="hidden" name="customer_id" value="cust-1">');
  });

  it('refuses a missing wallet, a bad amount, an unknown mode and no gateway, with exit code 2', async () => {
    const env = { ...merchant, WALLET_GATEWAY: 'test' };
    const noWallet = await run(['pay', 'form', ...PAYMENT_FLAGS, '--mode', 'load-and-pay'], env);
    expect(noWallet.code).toBe(2);
    expect(noWallet.stderr).toMatch(/^Error CHECKOUT_FIELD_INVALID: .*walleturn/);
    const amount = [...PAYMENT_FLAGS];
    amount[3] = '525.5.0';
    const badAmount = await run(['pay', 'form', ...amount], env);
    expect(badAmount.code).toBe(2);
    expect(badAmount.stderr).toMatch(/field amount/);
    const mode = await run(['pay', 'form', ...PAYMENT_FLAGS, '--mode', 'seamless'], env);
    expect(mode.code).toBe(2);
    const noGateway = await run(['pay', 'form', ...PAYMENT_FLAGS]);
    expect(noGateway.code).toBe(2);
    expect(noGateway.stderr).toMatch(/^Error CONFIG_MISSING: No payment gateway is configured\./);
    const missing = await run(['pay', 'form', ...PAYMENT_FLAGS.slice(2)], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("'--txnid <id>'");
  });
});

describe('wallet pay verify-callback', () => {
  it('says valid for the raw body on stdin, from a file, as JSON, and with -', async () => {
    const stdin = await run(['pay', 'verify-callback'], merchant, `${form(callback)}\n`);
    expect(stdin).toMatchObject({ code: 0, stderr: '' });
    expect(stdin.stdout).toBe(`valid: the hash holds for success payment ${callback.txnid}\n`);
    const file = join(dir.path, 'callback.json');
    writeFileSync(file, JSON.stringify(callback));
    const json = await run(['--json', 'pay', 'verify-callback', file]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, problems: [] });
    const dash = await run(['pay', 'verify-callback', '-'], merchant, form(callback));
    expect(dash.code).toBe(0);
  });

  it('with another salt: lists the hashed fields in hash order, the salt masked, exit 1', async () => {
    const env = { ...merchant, WALLET_MERCHANT_SALT: 'not-the-salt' };
    const result = await run(['--json', 'pay', 'verify-callback'], env, form(callback));
    expect(result.code).toBe(1);
    const diagnosis = JSON.parse(result.stdout) as {
      valid: boolean;
      cause: string;
      hashed: { name: string; value: string }[];
      notHashed: string[];
    };
    expect(diagnosis.valid).toBe(false);
    expect(diagnosis.cause).toMatch(/salt .*or one of the hashed fields .*changed/);
    // The order is the vector's string's, the salt masked.
    expect(diagnosis.hashed.map((p) => p.value).join('|')).toBe(
      RESPONSE.string.replace(SALT, '***'),
    );
    expect(diagnosis.hashed.map((p) => p.name).filter((n) => n !== '')).toEqual([
      'SALT',
      'status',
      'udf5',
      'udf4',
      'udf3',
      'udf2',
      'udf1',
      'email',
      'firstname',
      'productinfo',
      'amount',
      'txnid',
      'key',
    ]);
    expect(diagnosis.notHashed).toEqual(['mihpayid', 'mode']);
    expect(result.stdout).not.toContain('not-the-salt');
    const human = await run(['pay', 'verify-callback'], env, form(callback));
    expect(human.stdout).toMatch(/^invalid: the hash does not hold\nMost likely: Either the salt/);
    expect(human.stdout).toMatch(/\n1 +SALT +\*\*\*\n2 +status +success\n/);
    expect(human.stdout).toContain('Not covered by the hash: mihpayid, mode');
  });

  const causes: [string, Record<string, string>, RegExp, RegExp | undefined][] = [
    [
      'an amount re-formatted',
      { ...callback, amount: `${callback.amount?.replace(/\.00$/, '')}` },
      /holds with amount 525\.00 instead of 525:/,
      undefined,
    ],
    [
      'charges added after hashing',
      { ...callback, additionalCharges: '10.00' },
      /holds without the additional charges/,
      undefined,
    ],
    [
      'an upper-cased hash',
      { ...callback, hash: (callback.hash ?? '').toUpperCase() },
      /holds once lower-cased/,
      /hash holds uppercase hex digits/,
    ],
    [
      'a cut hash',
      { ...callback, hash: (callback.hash ?? '').slice(0, 64) },
      /not a SHA-512/,
      /hash is 64 characters long; a SHA-512 in hex is 128/,
    ],
    [
      'a | in a field',
      { ...callback, udf2: 'a|b' },
      /breaks PayU's rules/,
      /udf2 must not contain \|/,
    ],
    [
      'a malformed amount',
      { ...callback, amount: '525.000' },
      /breaks PayU's rules/,
      /amount must be rupees written as digits with at most two decimals/,
    ],
    [
      'no status',
      Object.fromEntries(Object.entries(callback).filter(([name]) => name !== 'status')),
      /breaks PayU's rules/,
      /status is missing/,
    ],
    [
      'both charges spellings, disagreeing',
      { ...callback, additionalCharges: '10.00', additional_charges: '12.00' },
      /breaks PayU's rules/,
      /additionalCharges must equal additional_charges/,
    ],
    [
      'another merchant key',
      { ...callback, key: 'someone-else' },
      /for another merchant key/,
      /key is someone-else, not the configured merchant key sbxKey01/,
    ],
  ];

  it.each(causes)('points at %s', async (_name, body, cause, problem) => {
    const result = await run(['--json', 'pay', 'verify-callback'], merchant, form(body));
    expect(result.code).toBe(1);
    const diagnosis = JSON.parse(result.stdout) as { cause: string; problems: string[] };
    expect(diagnosis.cause).toMatch(cause);
    if (problem !== undefined) expect(diagnosis.problems.join('\n')).toMatch(problem);
    expect(result.stdout).not.toContain(SALT);
  });

  it('refuses an unreadable file, an empty body and a field given twice, with exit code 2', async () => {
    const missing = await run(['pay', 'verify-callback', join(dir.path, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error INPUT_UNREADABLE: /);
    const empty = await run(['pay', 'verify-callback'], merchant, '\n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^Error INPUT_MISSING: /);
    const twice = await run(['pay', 'verify-callback'], merchant, `${form(callback)}&txnid=x`);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^Error INPUT_INVALID: .*txnid twice/);
    const notJson = await run(['pay', 'verify-callback'], merchant, '{"txnid": ');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^Error INPUT_NOT_JSON: /);
  });
});

describe('the postservice and seamless commands', () => {
  it.each([
    ['verify', ['pay', 'verify', 'order_0001']],
    [
      'refund',
      ['pay', 'refund', '--mihpayid', '403993715521937565', '--amount', '1.00', '--token', 't1'],
    ],
    ['refund-status', ['pay', 'refund-status', '13051716']],
    ['balance', ['pay', 'balance', '--mobile', '9876543210']],
    ['s2s', ['pay', 's2s', '--walleturn', '10000000005', ...PAYMENT_FLAGS]],
  ])(
    '%s: an unreachable gateway is exit code 3 with the error code and a hint',
    async (_, args) => {
      const result = await run(['--json', ...args], unreachable);
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stderr)).toMatchObject({
        error: { code: 'CHECKOUT_NETWORK_ERROR', exitCode: 3 },
      });
    },
  );

  /** Runs `pay balance` against a stand-in gateway whose every answer `respond` writes. */
  async function balanceAgainst(respond: (response: ServerResponse) => void) {
    const server = createServer((_request, response) => respond(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const env = { ...merchant, WALLET_GATEWAY: `http://127.0.0.1:${port}` };
      return await run(['--json', 'pay', 'balance', '--mobile', '9876543210'], env);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it('a gateway answering an HTTP error is exit code 1 with the status', async () => {
    const result = await balanceAgainst((response) => {
      response.statusCode = 403;
      response.end('Forbidden');
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({
      error: { code: 'CHECKOUT_HTTP_ERROR', command: 'check_balance', status: 403, exitCode: 1 },
    });
    expect(result.stderr).not.toContain(SALT);
  });

  it('a gateway answering past 1 MiB is exit code 1, the body left unread', async () => {
    const result = await balanceAgainst((response) => {
      response.setHeader('content-type', 'application/json');
      response.end(' '.repeat(2 * 1024 * 1024));
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({
      error: { code: 'CHECKOUT_RESPONSE_TOO_LARGE', command: 'check_balance', exitCode: 1 },
    });
  });

  it('refund needs exactly one of --token and --idempotency-key', async () => {
    const base = ['pay', 'refund', '--mihpayid', '403993715521937565', '--amount', '1.00'];
    const none = await run(base, unreachable);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^Error USAGE: Give exactly one of --token and --idempotency-key\./,
    );
    const both = await run([...base, '--token', 't1', '--idempotency-key', 'k1'], unreachable);
    expect(both.code).toBe(2);
  });

  it('s2s needs the encryption key, and checks the fields before sending', async () => {
    const { WALLET_ENCRYPTION_KEY: _key, ...noKey } = unreachable;
    const args = ['pay', 's2s', '--walleturn', '10000000005', ...PAYMENT_FLAGS];
    const withoutKey = await run(args, noKey);
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.stderr).toMatch(/^Error CONFIG_MISSING: No encryption key is configured\./);
    const noWallet = await run(['pay', 's2s', ...PAYMENT_FLAGS], unreachable);
    expect(noWallet.code).toBe(2);
    expect(noWallet.stderr).toMatch(/^Error CHECKOUT_FIELD_INVALID: /);
  });
});

describe('the help examples', () => {
  /** The words of an example line, quotes honoured. */
  const words = (line: string) =>
    (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^["']|["']$/g, ''));
  const offline = ['form', 'hash', 'verify-callback'];
  const examples = Object.entries(PAY_EXAMPLES).flatMap(([command, lines]) =>
    lines.map((example) => ({ command, example })),
  );

  it.each(examples)('$example', async ({ command, example }) => {
    const cwd = tempDir();
    try {
      writeFileSync(join(cwd.path, 'callback.txt'), form(callback));
      writeFileSync(join(cwd.path, 'callback.json'), JSON.stringify(callback));
      const env = {
        ...unreachable,
        WALLET_GATEWAY: offline.includes(command) ? 'test' : (unreachable.WALLET_GATEWAY ?? ''),
      };
      const result = await run(words(example).slice(1), env, undefined, cwd.path);
      // The offline commands succeed; the others get as far as the network.
      expect(result.code).toBe(offline.includes(command) ? 0 : 3);
      if (offline.includes(command)) expect(result.stderr).toBe('');
    } finally {
      cwd.remove();
    }
  });
});
