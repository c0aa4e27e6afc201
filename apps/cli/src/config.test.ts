import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir } from './test-support.js';

let dir: ReturnType<typeof tempDir>;
const run = (args: readonly string[], env: Record<string, string> = {}, input?: string) =>
  runCli(args, { configHome: dir.path, env, ...(input === undefined ? {} : { input }) });
const configFile = () => join(dir.path, 'wallet', 'config.json');

interface Shown {
  profile: string;
  file: string;
  settings: Record<string, { value?: string; set?: boolean; source: string } | null>;
}
const show = async (
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<Shown> =>
  JSON.parse((await run([...args, 'config', 'show', '--json'], env)).stdout) as Shown;

beforeAll(assertBuilt);
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('wallet config', () => {
  it('stores settings in $XDG_CONFIG_HOME/wallet/config.json with mode 0600', async () => {
    const result = await run(['config', 'set', 'base-url', 'http://127.0.0.1:4010']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`base-url set in profile default (${configFile()})`);
    expect(statSync(configFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir.path, 'wallet')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({
      profiles: { default: { baseUrl: 'http://127.0.0.1:4010' } },
    });
  });

  it('reads a secret from stdin and masks it in show', async () => {
    const salt = 'a-very-secret-salt-value';
    expect((await run(['config', 'set', 'merchant-salt'], {}, `${salt}\n`)).code).toBe(0);
    const text = await run(['config', 'show']);
    expect(text.stdout).toMatch(/merchant-salt\s+\*+ \(set\)\s+\[profile file\]/);
    expect(text.stdout).not.toContain(salt);
    const json = await run(['config', 'show', '--json']);
    expect(json.stdout).not.toContain(salt);
    expect((JSON.parse(json.stdout) as Shown).settings.merchantSalt).toEqual({
      set: true,
      source: 'profile',
    });
  });

  it('takes a flag over the environment over the profile file', async () => {
    await run(['config', 'set', 'merchant-key', 'from-file']);
    expect((await show()).settings.merchantKey).toEqual({ value: 'from-file', source: 'profile' });
    const env = { WALLET_MERCHANT_KEY: 'from-env' };
    expect((await show([], env)).settings.merchantKey).toEqual({
      value: 'from-env',
      source: 'env',
    });
    expect((await show(['--merchant-key', 'from-flag'], env)).settings.merchantKey).toEqual({
      value: 'from-flag',
      source: 'flag',
    });
  });

  it('keeps profiles apart, chosen by --profile or WALLET_PROFILE', async () => {
    await run(['config', 'set', 'merchant-key', 'default-key']);
    await run(['--profile', 'sandbox', 'config', 'set', 'merchant-key', 'sandbox-key']);
    expect((await show()).settings.merchantKey?.value).toBe('default-key');
    expect((await show(['--profile', 'sandbox'])).settings.merchantKey?.value).toBe('sandbox-key');
    expect((await show([], { WALLET_PROFILE: 'sandbox' })).settings.merchantKey?.value).toBe(
      'sandbox-key',
    );
    expect((await run(['--profile', 'sandbox', 'config', 'unset', 'merchant-key'])).code).toBe(0);
    expect((await show(['--profile', 'sandbox'])).settings.merchantKey).toBeNull();
    expect((await show()).settings.merchantKey?.value).toBe('default-key');
  });

  it('uses the profile file for real commands, and says which setting is missing', async () => {
    const missing = await run(['sign']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'Error CONFIG_MISSING: No merchant key is configured.\nHint: Pass --merchant-key, set WALLET_MERCHANT_KEY, or run `wallet config set merchant-key`.\n',
    );
    await run(['config', 'set', 'merchant-key', 'smsplus']);
    await run(['config', 'set', 'merchant-salt', 'merchantSalt-Example-01']);
    const signed = await run(['sign', '--date', 'Thu, 17 Feb 2022 08:17:59 GMT']);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('signature="ea9aff9614a574187123bae58a66acd529a7');
  });

  it('refuses values the packages reject, and stores nothing', async () => {
    for (const [name, value] of [
      ['encryption-key', 'too-short'],
      ['iv', 'xyz'],
      ['iv-mode', 'random'],
      ['auth-profile', 'basic'],
      ['timeout', 'soon'],
      ['gateway', 'ftp://payu.example'],
      ['gateway', 'staging'],
      ['bankcode', 'CLW|1'],
    ] as const) {
      const result = await run(['config', 'set', name, value]);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(/^Error (CONFIG_INVALID|INVALID_KEY|INVALID_IV): /);
      // A rejected key is never echoed back.
      if (name === 'encryption-key') expect(result.stderr).not.toContain(value);
    }
    // The rule of a payment setting comes from @wallet/checkout's `rule`, said in the CLI's words.
    const bankcode = await run(['config', 'set', 'bankcode', 'CLW|1']);
    expect(bankcode.stderr).toBe(
      'Error CONFIG_INVALID: The CLW bank code must be 1 to 50 letters, digits, _ or -.\nHint: See `wallet config set --help`; nothing was stored.\n',
    );
    const unknown = await run(['config', 'set', 'colour', 'blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no setting called colour');
    expect(() => statSync(configFile())).toThrow();
  });

  it('warns when the file may be read by others, and explains a broken file', async () => {
    mkdirSync(join(dir.path, 'wallet'), { recursive: true });
    writeFileSync(configFile(), '{"profiles":{"default":{"merchantKey":"k"}}}');
    chmodSync(configFile(), 0o644);
    const open = await run(['config', 'show']);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain(
      `Warning: ${configFile()} may be read by other users; run: chmod 600`,
    );
    writeFileSync(configFile(), '{not json');
    const broken = await run(['config', 'show']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      `Error CONFIG_FILE_UNREADABLE: The config file ${configFile()} is not valid JSON.`,
    );
  });
});
