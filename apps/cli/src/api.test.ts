import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_COMMANDS } from './commands/api/command.js';
import {
  assertBuilt,
  MERCHANT,
  type RunningSandbox,
  runCli,
  startSandbox,
  tempDir,
} from './test-support.js';

const dir = tempDir();
let sandbox: RunningSandbox;

const run = (args: readonly string[], env: Record<string, string> = sandbox.env) =>
  runCli(args, { configHome: dir.path, env, cwd: dir.path });

async function accounts(): Promise<number> {
  const page = await sandbox.sandbox.store.listAccounts({
    merchantKey: MERCHANT.merchantKey,
    limit: 1,
  });
  return page.total;
}

/** The words of a shell command line (double quotes group words; no other shell syntax). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox();
  // The files the help examples name with --data @file.
  writeFileSync(
    join(dir.path, 'customer.json'),
    JSON.stringify({
      customerDetails: {
        firstName: 'Example',
        dateOfBirth: '12-12-2000',
        mobileNumber: '917001122334',
      },
      productId: 35,
    }),
  );
  writeFileSync(
    join(dir.path, 'load.json'),
    JSON.stringify({
      customerMobile: '917001122334',
      transactionAmount: 100,
      sender: 'Acme',
      fundFlowType: 'I',
      implId: 'acme',
      implType: 'LOYALTY',
    }),
  );
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('a wallet life cycle from the command line', () => {
  const mobile = '919900112233';
  let urn = '';
  let accountNumber = '';

  it('registers a customer from flags derived from the request shape', async () => {
    const result = await run([
      'customer',
      'register',
      '--first-name',
      'Asha',
      '--last-name',
      'Rao',
      '--date-of-birth',
      '01-02-1990',
      '--mobile-number',
      mobile,
      '--product-id',
      '35',
      '--kyc-profile',
      '150',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^CUSTOMER REGISTERED SUCCESSFULLY\n/);
    urn = /\burn\s+(\d+)/.exec(result.stdout)?.[1] ?? '';
    expect(urn).toMatch(/^\d{11}$/);
  });

  it('retrieves it, as text and as JSON', async () => {
    const text = await run(['customer', 'get', '--customer-mobile', mobile]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/firstName\s+Asha/);
    expect(text.stdout).toMatch(/walletStatus\s+ACTIVE/);
    const json = await run(['--json', 'customer', 'get', '--urn', urn]);
    const response = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(response).toMatchObject({
      responseCode: '00',
      mobile,
      urn,
      kycProfile: 150,
      availableBalance: 0,
    });
    accountNumber = String(response.accountNumber);
  });

  it('updates the profile, with a nested address field', async () => {
    const result = await run([
      'customer',
      'update',
      '--product-id',
      '35',
      '--urn',
      urn,
      '--email-id',
      'asha@example.in',
      '--city',
      'Pune',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      responseMessage: 'PROFILE UPDATED SUCCESSFULLY',
      urn,
    });
  });

  it('loads and unloads, with amounts in paise, and retries a clientTxnId once', async () => {
    const load = [
      'load',
      '--urn',
      urn,
      '--transaction-amount',
      '52500',
      '--sender',
      'Acme Rewards',
      '--fund-flow-type',
      'I',
      '--impl-id',
      'acme',
      '--impl-type',
      'LOYALTY',
      '--client-txn-id',
      'cli-load-1',
      '--json',
    ];
    const first = await run(load);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      availableBalance: 52500,
      clientTxnId: 'cli-load-1',
    });
    const again = await run(load);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ availableBalance: 52500 });

    const unload = await run([
      'unload',
      '--customer-mobile',
      mobile,
      '--transaction-amount',
      '2500',
      '--receiver',
      'Store 42',
      '--fund-flow-type',
      'O',
      '--impl-id',
      'acme',
      '--impl-type',
      'LOYALTY',
    ]);
    expect(unload.code).toBe(0);
    expect(unload.stdout).toMatch(/availableBalance\s+50000/);
  });

  it('prints the statement entries as a table', async () => {
    // Statement dates are days on the platform's clock (IST, UTC+05:30).
    const istNow = new Date(Date.now() + 330 * 60_000);
    const day = (d: Date) =>
      `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const from = day(new Date(istNow.getTime() - 3 * 86_400_000));
    const to = day(istNow);
    const result = await run(['statement', '--urn', urn, '--from-date', from, '--to-date', to]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^STATEMENT FETCHED SUCCESSFULLY\n/);
    expect(result.stdout).toMatch(/statementDetails:\n.*transactionType/);
    expect(result.stdout).toMatch(/cli-load-1 .* CREDIT +52500/);
    const json = await run([
      '--json',
      'statement',
      '--urn',
      urn,
      '--from-date',
      from,
      '--to-date',
      to,
    ]);
    const response = JSON.parse(json.stdout) as { statementDetails: { transactionType: string }[] };
    expect(response.statementDetails.map((entry) => entry.transactionType)).toEqual([
      'CREDIT',
      'DEBIT',
    ]);
  });

  it('checks the stored response of an earlier call', async () => {
    const result = await run(['status', 'check', '--verifyclient-txn-id', 'cli-load-1', '--json']);
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout) as { responseDump: { clientTxnId: string }[] };
    expect(response.responseDump[0]?.clientTxnId).toBe('cli-load-1');
  });

  it('starts a top-up by card and prints the page to send the browser to first', async () => {
    const topup = [
      'topup',
      '--first-name',
      'Asha',
      '--mobile-number',
      mobile,
      '--load-amount',
      '50000',
      '--surl',
      'https://shop.example/topup/ok',
      '--furl',
      'https://shop.example/topup/failed',
    ];
    const result = await run([...topup, '--client-txn-id', 'cli-topup-1']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [first, blank] = result.stdout.split('\n');
    expect(first?.startsWith(`${sandbox.url}/`)).toBe(true);
    expect(blank).toBe('');
    // The sandbox serves the card page the URL names.
    const page = await fetch(first ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form');
    const json = await run([...topup, '--urn', urn, '--json']);
    expect(json.code).toBe(0);
    const response = JSON.parse(json.stdout) as {
      data: { redirectUrl: string; payuTxnId: string };
    };
    expect(response.data.redirectUrl.startsWith(`${sandbox.url}/`)).toBe(true);
    expect(response.data.payuTxnId).not.toBe('');
  });

  it('blocks debits, which then fail with exit code 1 and a hint', async () => {
    const change = await run([
      'status',
      'change',
      '--account-number',
      accountNumber,
      '--status-type',
      'Debit',
      '--reason',
      'card lost',
    ]);
    expect(change.code).toBe(0);
    expect(change.stdout).toMatch(/^WALLET STATUS UPDATED SUCCESSFULLY\n/);
    const blocked = await run([
      'unload',
      '--urn',
      urn,
      '--transaction-amount',
      '100',
      '--receiver',
      'Store 42',
      '--fund-flow-type',
      'O',
      '--impl-id',
      'acme',
      '--impl-type',
      'LOYALTY',
    ]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toBe('');
    expect(blocked.stderr).toMatch(
      /^Error WALLET_STATE_FORBIDS \(platform code 1117\): .+\nHint: .*wallet status change/,
    );
  });

  it('answers a second registration of the mobile number with 1030 and exit code 1', async () => {
    const result = await run([
      '--json',
      'customer',
      'register',
      '--first-name',
      'Asha',
      '--date-of-birth',
      '01-02-1990',
      '--mobile-number',
      mobile,
      '--product-id',
      '35',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const error = (JSON.parse(result.stderr) as { error: Record<string, unknown> }).error;
    expect(error).toMatchObject({ code: 'WALLET_CONFLICT', responseCode: '1030', exitCode: 1 });
    expect(typeof error.hint).toBe('string');
  });
});

describe('request bodies, validation and failures', () => {
  it('takes the whole body from --data @file, with flags on top', async () => {
    const file = join(dir.path, 'customer.json');
    writeFileSync(
      file,
      JSON.stringify({
        customerDetails: {
          firstName: 'Ravi',
          dateOfBirth: '10-10-1985',
          mobileNumber: '919900112244',
        },
        productId: 7,
      }),
    );
    const result = await run([
      'customer',
      'register',
      '--data',
      `@${file}`,
      '--last-name',
      'Kumar',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const get = await run(['--json', 'customer', 'get', '--customer-mobile', '919900112244']);
    expect(JSON.parse(get.stdout)).toMatchObject({ firstName: 'Ravi', lastName: 'Kumar' });
  });

  it('names every field that breaks a rule, sends nothing, and exits 2', async () => {
    const before = await accounts();
    const result = await run([
      'customer',
      'register',
      '--first-name',
      'R2D2',
      '--date-of-birth',
      '31-02-1990',
      '--mobile-number',
      '12',
      '--product-id',
      '35',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Error WALLET_VALIDATION_FAILED: Register Customer request: customerDetails\.firstName: must be/,
    );
    expect(result.stderr).toContain(
      'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    );
    expect(result.stderr).toContain('customerDetails.mobileNumber: must be 10 to 15 digits');
    expect(await accounts()).toBe(before);
  });

  it('exits 3 with the clientTxnId to retry when the API cannot be reached', async () => {
    const closed = { ...sandbox.env, WALLET_BASE_URL: 'http://127.0.0.1:9' };
    const result = await run(
      ['customer', 'get', '--customer-mobile', '919900112233', '--client-txn-id', 'net-1'],
      closed,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^Error WALLET_NETWORK_ERROR: /);
    expect(result.stderr).toContain('--client-txn-id net-1');
    expect(result.stderr).not.toContain('    at ');
  });

  it('exits 1 on an authentication failure and never prints the salt', async () => {
    const wrong = { ...sandbox.env, WALLET_MERCHANT_SALT: 'not-the-salt-at-all' };
    const result = await run(['customer', 'get', '--customer-mobile', '919900112233'], wrong);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error WALLET_AUTHENTICATION_FAILED: /);
    expect(result.stdout + result.stderr).not.toContain('not-the-salt-at-all');
    expect(result.stdout + result.stderr).not.toContain(MERCHANT.salt);
  });

  it('topup: no messageCode; topup-status sends --client-txn-id as the PG Load asked about', async () => {
    const start = await run([
      '--json',
      'topup',
      '--first-name',
      'Asha',
      '--mobile-number',
      '919900000002',
      '--load-amount',
      '50000',
      '--surl',
      'https://shop.example.in/ok',
      '--furl',
      'https://shop.example.in/failed',
      '--client-txn-id',
      'topup-dry-1',
      '--dry-run',
    ]);
    expect(start.code).toBe(0);
    const started = JSON.parse(start.stdout) as { url: string; plaintext: Record<string, unknown> };
    expect(started.url).toBe(`${sandbox.url}/loyalty-points/ppi/payment/pg-load/v1`);
    expect(started.plaintext).toMatchObject({
      clientTxnId: 'topup-dry-1',
      customer: { firstName: 'Asha', mobileNumber: '919900000002' },
      loadAmount: 50_000,
    });
    expect(started.plaintext).not.toHaveProperty('messageCode');

    const status = await run([
      '--json',
      'topup-status',
      '--client-txn-id',
      'topup-dry-1',
      '--dry-run',
    ]);
    expect(status.code).toBe(0);
    const asked = JSON.parse(status.stdout) as { plaintext: Record<string, unknown> };
    expect(Object.keys(asked.plaintext).sort()).toEqual(['clientTxnId', 'requestDateTime']);
    expect(asked.plaintext.clientTxnId).toBe('topup-dry-1');
  });

  it('--dry-run prints the plaintext, the token and the headers and sends nothing', async () => {
    const before = await accounts();
    const result = await run([
      '--json',
      'customer',
      'register',
      '--first-name',
      'Dry',
      '--date-of-birth',
      '01-01-2000',
      '--mobile-number',
      '919900000001',
      '--product-id',
      '35',
      '--client-txn-id',
      'dry-1',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      plaintext: Record<string, unknown>;
      token: string;
    };
    expect(printed.method).toBe('POST');
    expect(printed.url.startsWith(sandbox.url)).toBe(true);
    expect(printed.headers.authorization).toMatch(/^hmac username="cli-test-merchant"/);
    expect(printed.headers.walletidentifier).toBe('CLW');
    expect(printed.plaintext).toMatchObject({
      clientTxnId: 'dry-1',
      customerDetails: { firstName: 'Dry' },
      kycProfile: 30,
      formFactorRequired: false,
    });
    const opened = await run(['decrypt', printed.token]);
    expect(JSON.parse(opened.stdout)).toEqual(printed.plaintext);
    expect(await accounts()).toBe(before);
  });
});

describe('help', () => {
  it.each(API_COMMANDS.flatMap((spec) => spec.examples.map((example) => ({ example }))))(
    'the help example $example is a valid request',
    async ({ example }) => {
      const words = shellWords(example).slice(1);
      const result = await run([...words, '--dry-run']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
  );

  it('shows the field flags with their rules, and an example', async () => {
    const result = await run(['load', '--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--transaction-amount <value>');
    expect(result.stdout).toContain('--fund-flow-type <value>');
    expect(result.stdout).toContain('one of O, I, IO, OR, IR, IOR');
    expect(result.stdout).toContain('--client-txn-id <id>');
    expect(result.stdout).toContain('Examples:\n  $ wallet load ');
  });
});
