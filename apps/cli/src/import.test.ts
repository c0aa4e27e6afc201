import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const dir = tempDir();
let sandbox: RunningSandbox;

const HEADER = 'firstName,lastName,dateOfBirth,mobileNumber,emailAddress,kycProfile';
const mobileOf = (row: number) => `91${8_000_000_000 + row}`;

/** Rows that break a field rule, by row number, with the field the report must name. */
const BAD_ROWS: ReadonlyMap<number, { line: string; field: string }> = new Map([
  [17, { line: `R2D2,Droid,01-01-1990,${mobileOf(17)},,`, field: 'customerDetails.firstName' }],
  [1234, { line: `Ann,Lee,31-02-1990,${mobileOf(1234)},,`, field: 'customerDetails.dateOfBirth' }],
  [4321, { line: 'Ann,Lee,01-01-1990,12345,,', field: 'customerDetails.mobileNumber' }],
  [
    6000,
    {
      line: `Ann,Lee,01-01-1990,${mobileOf(6000)},not-an-email,`,
      field: 'customerDetails.emailAddress',
    },
  ],
  [7777, { line: `Ann,Lee,01-01-1990,${mobileOf(7777)},,45`, field: 'kycProfile' }],
  [9999, { line: `,Lee,01-01-1990,${mobileOf(9999)},,`, field: 'customerDetails.firstName' }],
]);

function csv(rows: number, line: (row: number) => string): string {
  const lines = [HEADER];
  for (let row = 1; row <= rows; row += 1) lines.push(BAD_ROWS.get(row)?.line ?? line(row));
  return `${lines.join('\n')}\n`;
}

const goodLine = (row: number) =>
  `Asha,Rao,01-02-1990,${mobileOf(row)},asha${row}@example.in,${row % 10 === 0 ? 150 : ''}`;

interface ResultLine {
  readonly type?: string;
  readonly sha256?: string;
  readonly row: number;
  readonly clientTxnId: string;
  readonly outcome: string;
  readonly urn?: string;
  readonly field?: string;
  readonly rule?: string;
  readonly responseCode?: string;
}

function resultLines(path: string): ResultLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as ResultLine];
      } catch {
        return [];
      }
    });
}

async function allMobiles(): Promise<string[]> {
  const mobiles: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await sandbox.sandbox.store.listAccounts({
      merchantKey: MERCHANT.merchantKey,
      limit: 1000,
      offset,
    });
    mobiles.push(...page.items.map((account) => account.customer.mobile));
    if (page.items.length < 1000) return mobiles;
  }
}

const run = (args: readonly string[]) =>
  runCli(args, { configHome: dir.path, env: sandbox.env, cwd: dir.path });

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('wallet import', () => {
  it('survives SIGKILL part way: --resume ends with exactly one customer per good row', async () => {
    const rows = 10_000;
    const file = join(dir.path, 'customers.csv');
    const results = `${file}.results.jsonl`;
    writeFileSync(file, csv(rows, goodLine));

    const child = spawnCli(
      ['import', 'customers.csv', '--product-id', '35', '--concurrency', '8'],
      {
        configHome: dir.path,
        env: sandbox.env,
        cwd: dir.path,
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it once a good share of rows is recorded, with requests in flight.
    const deadline = Date.now() + 60_000;
    for (;;) {
      let recorded = 0;
      try {
        recorded = resultLines(results).length - 1;
      } catch {}
      if (recorded >= 2500) break;
      if (Date.now() > deadline) throw new Error(`only ${recorded} rows recorded in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const beforeResume = resultLines(results);
    expect(beforeResume[0]).toMatchObject({ type: 'wallet-import', rows });
    expect(beforeResume.length - 1).toBeLessThan(rows);

    const resumed = await run(['import', 'customers.csv', '--product-id', '35', '--resume']);
    // Not a terminal: the progress is plain lines on stderr, with the rate and the ETA.
    expect(resumed.stderr).toMatch(
      /^imported \d+\/10000 rows \(\d+%\), \d+ rows\/s, ETA (\d+s|\d+m\d\ds|\?), \d+ not registered\n/,
    );
    expect(resumed.stderr).toMatch(
      /imported 10000\/10000 rows \(100%\), \d+ rows\/s, ETA 0s, 6 not registered\n$/,
    );
    // Some rows failed validation: exit code 2, after every other row was registered.
    expect(resumed.code).toBe(2);
    const good = rows - BAD_ROWS.size;
    expect(resumed.stdout).toMatch(
      new RegExp(
        `^customers\\.csv: 10000 rows in \\S+: ${good} registered, ${BAD_ROWS.size} invalid, 0 rejected, 0 failed \\(\\d+ of them finished by an earlier run\\)\\n`,
      ),
    );
    for (const [row, { field }] of BAD_ROWS)
      expect(resumed.stdout).toContain(`  row ${row}: ${field}: `);

    // Exactly one customer per good row in the sandbox's store.
    const mobiles = await allMobiles();
    expect(mobiles.length).toBe(good);
    const distinct = new Set(mobiles);
    expect(distinct.size).toBe(good);
    const missing: number[] = [];
    for (let row = 1; row <= rows; row += 1) {
      if (!BAD_ROWS.has(row) && !distinct.has(mobileOf(row))) missing.push(row);
    }
    expect(missing).toEqual([]);

    // The result file: every row has one final line with a deterministic clientTxnId.
    const lines = resultLines(results);
    const sha256 = lines[0]?.sha256 ?? '';
    const last = new Map<number, ResultLine>();
    for (const line of lines.slice(1)) last.set(line.row, line);
    expect(last.size).toBe(rows);
    for (const [row, line] of last) {
      expect(line.clientTxnId).toBe(`imp-${sha256.slice(0, 20)}-${row}`);
      const bad = BAD_ROWS.get(row);
      if (bad === undefined) {
        expect(line.outcome).toBe('registered');
        expect(line.urn).toMatch(/^\d{11}$/);
      } else {
        expect(line).toMatchObject({ outcome: 'invalid', field: bad.field });
        expect(line.rule).toMatch(/^(must|is required)/);
      }
    }
    const urns = [...last.values()].flatMap((line) => (line.urn === undefined ? [] : [line.urn]));
    expect(new Set(urns).size).toBe(good);

    // A second --resume has nothing left to send.
    const again = await run([
      'import',
      'customers.csv',
      '--product-id',
      '35',
      '--resume',
      '--no-progress',
      '--json',
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({
      rows,
      skipped: rows,
      registered: good,
      invalid: BAD_ROWS.size,
    });
    expect((await allMobiles()).length).toBe(good);
  });

  it('records rows the platform refuses, with their code, and goes on', async () => {
    const file = join(dir.path, 'dupes.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `Ravi,Kumar,10-10-1985,${mobileOf(20_001)},,`,
        `Ravi,Kumar,10-10-1985,${mobileOf(20_001)},r@example.in,`,
        `Mira,Das,10-10-1985,${mobileOf(20_002)},,`,
      ].join('\n'),
    );
    const result = await run([
      'import',
      'dupes.csv',
      '--product-id',
      '35',
      '--concurrency',
      '1',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      registered: number;
      rejected: number;
      problems: ResultLine[];
    };
    expect(summary).toMatchObject({ registered: 2, rejected: 1 });
    expect(summary.problems[0]).toMatchObject({
      row: 2,
      outcome: 'rejected',
      responseCode: '1030',
    });
  });

  it('refuses a file whose columns name no field, before sending anything', async () => {
    writeFileSync(join(dir.path, 'odd.csv'), 'firstName,nickname\nAnn,Annie\n');
    const result = await run(['import', 'odd.csv', '--product-id', '35']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Error INPUT_INVALID: The file has columns that name no field: nickname\.\nHint: Columns: customerId, firstName, /,
    );
  });

  it('refuses to mix runs: an existing result file needs --resume, and the same file', async () => {
    const file = join(dir.path, 'small.csv');
    writeFileSync(
      file,
      csv(3, (row) => goodLine(30_000 + row)),
    );
    expect((await run(['import', 'small.csv', '--product-id', '35', '--no-progress'])).code).toBe(
      0,
    );
    const twice = await run(['import', 'small.csv', '--product-id', '35']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already exists');
    writeFileSync(
      file,
      csv(4, (row) => goodLine(30_000 + row)),
    );
    const changed = await run(['import', 'small.csv', '--product-id', '35', '--resume']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('records an import of a different file');
  });

  it('stops at once when the credentials are wrong, recording no row', async () => {
    const file = join(dir.path, 'auth.csv');
    writeFileSync(
      file,
      csv(50, (row) => goodLine(40_000 + row)),
    );
    const result = await runCli(['import', 'auth.csv', '--product-id', '35'], {
      configHome: dir.path,
      cwd: dir.path,
      env: { ...sandbox.env, WALLET_MERCHANT_SALT: 'wrong-salt' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error WALLET_AUTHENTICATION_FAILED');
    expect(resultLines(`${file}.results.jsonl`)).toHaveLength(1);
  });
});
