import { once } from 'node:events';
import { createWalletClient } from '@wallet/client';
import { createSandbox } from '@wallet/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  MERCHANT,
  type RunningSandbox,
  runCli,
  spawnCli,
  startSandbox,
  tempDir,
} from './test-support.js';

let sandbox: RunningSandbox;
let home: ReturnType<typeof tempDir>;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox();
  home = tempDir();
});
afterAll(async () => {
  await sandbox.close();
  home.remove();
});

function client() {
  return createWalletClient({
    baseUrl: sandbox.url,
    merchantKey: MERCHANT.merchantKey,
    merchantSalt: MERCHANT.salt,
    encryptionKey: MERCHANT.encryptionKey,
    retries: 0,
  });
}

const run = (args: string[], env: Record<string, string> = sandbox.env) =>
  runCli(args, { env, configHome: home.path });

function register(mobileNumber: string, firstName = 'Meera') {
  return client()
    .registerCustomer({
      customerDetails: { firstName, dateOfBirth: '01-01-1991', mobileNumber },
      productId: 35,
    })
    .withResponse();
}

describe('wallet logs tail', () => {
  it('prints the latest requests, filtered, as text or JSON lines, with personal data masked', async () => {
    const first = await register('919811100001');
    await expect(register('919811100001')).rejects.toMatchObject({ responseCode: '1030' });
    const text = await run(['logs', 'tail', '--no-follow']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(first.clientTxnId);
    expect(text.stdout).toMatch(/POST registerCustomer\s+409\s+1030/);

    const json = await run(['logs', 'tail', '--no-follow', '--json', '--status', '4xx', '-n', '5']);
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(String(line.status)).toMatch(/^4/);
    expect(json.stdout).not.toContain('919811100001');
    expect(json.stdout).not.toContain('Meera');
    expect(json.stdout).toContain('M***');

    const one = await run([
      'logs',
      'tail',
      '--no-follow',
      '--json',
      '--client-txn-id',
      first.clientTxnId ?? '',
    ]);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('follows new requests as they arrive and stops cleanly on Ctrl-C', async () => {
    const child = spawnCli(['logs', 'tail', '--json', '-n', '0', '--api', 'registerCustomer'], {
      env: sandbox.env,
      configHome: home.path,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const waitFor = async (test: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out; stdout=${stdout} stderr=${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await waitFor(() => stderr.includes('Following new requests'));
    const sent = await register('919811100777', 'Kiran');
    await client().retrieveCustomer({ customerMobile: '919811100777' });
    await waitFor(() => stdout.includes(sent.clientTxnId ?? '?'));
    const entries = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { api: string });
    expect(entries.map((entry) => entry.api)).toEqual(['registerCustomer']);
    child.kill('SIGINT');
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
  }, 30_000);

  it('exits 1 where there are no admin routes, 2 for a bad filter, 3 when nothing answers', async () => {
    const closed = await createSandbox({
      merchants: [MERCHANT],
      env: {},
      logger: false,
      output: () => undefined,
      admin: false,
    });
    const { url } = await closed.listen(0);
    const off = await run(['logs', 'tail', '--no-follow'], {
      ...sandbox.env,
      WALLET_BASE_URL: url,
    });
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('ADMIN_ROUTES_UNAVAILABLE');
    await closed.close();

    const bad = await run(['logs', 'tail', '--no-follow', '--status', 'teapot']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('status: must be an HTTP status');

    const gone = await run(['logs', 'tail', '--no-follow', '--json'], {
      ...sandbox.env,
      WALLET_BASE_URL: url,
    });
    expect(gone.code).toBe(3);
    expect(JSON.parse(gone.stderr).error.code).toBe('SANDBOX_UNREACHABLE');
  });

  it('has help with an example', async () => {
    const help = await run(['logs', 'tail', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--client-txn-id');
  });
});
