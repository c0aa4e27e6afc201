// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixture files refer to earlier responses as ${id.field} inside plain strings
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, type RunningSandbox, runCli, startSandbox, tempDir } from './test-support.js';

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

function fixture(name: string, steps: unknown[]): string {
  const path = join(home.path, name);
  writeFileSync(path, JSON.stringify({ steps }));
  return path;
}

const customer = (mobileNumber: string) => ({
  customerDetails: { firstName: 'Alice', dateOfBirth: '12-12-1990', mobileNumber },
  productId: 35,
});
const load = (urn: string, transactionAmount: number) => ({
  urn,
  transactionAmount,
  sender: 'Top-up',
  fundFlowType: 'I',
  implId: 'web',
  implType: 'checkout',
});

const run = (args: string[]) => runCli(args, { env: sandbox.env, configHome: home.path });

describe('wallet fixtures run', () => {
  it('runs the steps in order, each filled from earlier responses, through the client', async () => {
    const file = fixture('ok.json', [
      { id: 'alice', api: 'registerCustomer', params: customer('919822200001') },
      { id: 'topup', api: 'load', params: load('${alice.urn}', 1000) },
      { api: 'load', params: load('${alice.urn}', 250), clientTxnId: 'again-${topup.clientTxnId}' },
      {
        api: 'registerCustomer',
        params: customer('919822200001'),
        expect: { responseCode: '1030' },
      },
      { id: 'check', api: 'retrieveCustomer', params: { customerId: '${alice.customerId}' } },
    ]);
    const result = await run(['fixtures', 'run', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { steps } = JSON.parse(result.stdout) as {
      steps: {
        api: string;
        responseCode: string;
        clientTxnId: string;
        result: Record<string, unknown>;
      }[];
    };
    expect(steps.map((s) => [s.api, s.responseCode])).toEqual([
      ['registerCustomer', '00'],
      ['load', '00'],
      ['load', '00'],
      ['registerCustomer', '1030'],
      ['retrieveCustomer', '00'],
    ]);
    expect(steps[2]?.clientTxnId).toBe(`again-${steps[1]?.clientTxnId}`);
    expect(steps[4]?.result.availableBalance).toBe(1250);
    expect(steps[4]?.result.urn).toBe(steps[0]?.result.urn);

    const text = await run([
      'fixtures',
      'run',
      fixture('one.json', [
        { api: 'retrieveCustomer', params: { customerMobile: '919822200001' } },
      ]),
    ]);
    expect(text.stdout).toMatch(/✓ 1\s+retrieveCustomer\s+00/);
    expect(text.stdout).toContain('1 step passed.');
  });

  it('refuses a reference to a step that does not come earlier, naming the field, and sends nothing', async () => {
    const before = (await sandbox.sandbox.store.listOutcomes()).total;
    const result = await run([
      'fixtures',
      'run',
      fixture('bad-ref.json', [
        { api: 'load', params: load('${bob.urn}', 100) },
        { id: 'bob', api: 'registerCustomer', params: customer('919822200002') },
      ]),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('steps[0].params.urn: refers to step "bob"');
    expect((await sandbox.sandbox.store.listOutcomes()).total).toBe(before);

    const unknown = await run([
      'fixtures',
      'run',
      fixture('bad-api.json', [{ api: 'teleport', params: {} }]),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('steps[0].api: must be a wallet API');
  });

  it('stops at the first failing step with its exit code, keeping what earlier steps did', async () => {
    const result = await run([
      'fixtures',
      'run',
      fixture('fails.json', [
        { id: 'c', api: 'registerCustomer', params: customer('919822200003') },
        {
          api: 'unload',
          params: { ...load('${c.urn}', 500), sender: undefined, receiver: 'shop' },
        },
        { api: 'load', params: load('${c.urn}', 100) },
      ]),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✓ 1 c\s+registerCustomer/);
    expect(result.stderr).toContain('✗ step 2 (unload) failed');
    expect(result.stderr).toContain('WALLET_LIMIT_EXCEEDED');
    const found = await sandbox.sandbox.store.findAccount('cli-test-merchant', {
      mobile: '919822200003',
    });
    expect(found?.wallet.balance).toBe(0);
  });

  it('has help with the file format and an example', async () => {
    const help = await run(['fixtures', 'run', '--help']);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('${alice.urn}');
  });
});
