import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { InvalidSandboxOptionError } from './errors.js';
import { createSandbox } from './sandbox.js';
import { autoSqliteDriver } from './store/sqlite/driver.js';

const quiet = { env: {}, output: () => undefined } as const;

describe('the sandbox SQLite driver', () => {
  it('reports the driver in use in the start-up log and on sandbox.store', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const sandbox = await createSandbox({ ...quiet, logger });
    try {
      const ready = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === 'sandbox ready');
      expect(ready).toMatchObject({ backend: 'sqlite', driver: autoSqliteDriver() });
      expect(sandbox.store.driver).toBe(autoSqliteDriver());
    } finally {
      await sandbox.close();
    }
  });

  it('takes the driver from WALLET_SQLITE_DRIVER unless the sqliteDriver option names one', async () => {
    const driver = autoSqliteDriver();
    const fromEnv = await createSandbox({
      ...quiet,
      logger: false,
      env: { WALLET_SQLITE_DRIVER: driver },
    });
    expect(fromEnv.store.driver).toBe(driver);
    await fromEnv.close();

    // The option wins over the variable, even over one that names no driver at all.
    const fromOption = await createSandbox({
      ...quiet,
      logger: false,
      env: { WALLET_SQLITE_DRIVER: 'sqlite3' },
      sqliteDriver: driver,
    });
    expect(fromOption.store.driver).toBe(driver);
    await fromOption.close();
  });

  it('refuses a driver name it does not know, naming where it came from', async () => {
    const fromEnv = await createSandbox({
      ...quiet,
      logger: false,
      env: { WALLET_SQLITE_DRIVER: 'sqlite3' },
    }).catch((caught: unknown) => caught);
    expect(fromEnv).toBeInstanceOf(InvalidSandboxOptionError);
    expect((fromEnv as InvalidSandboxOptionError).option).toBe('WALLET_SQLITE_DRIVER');

    const fromOption = await createSandbox({
      ...quiet,
      logger: false,
      sqliteDriver: 'sqlite' as 'auto',
    }).catch((caught: unknown) => caught);
    expect((fromOption as InvalidSandboxOptionError).option).toBe('sqliteDriver');
    expect((fromOption as Error).message).toContain('"node:sqlite"');
  });
});
