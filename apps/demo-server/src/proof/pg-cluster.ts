/**
 * A PostgreSQL cluster of the proof's own (not CI's shared one), so that it may be restarted:
 * started with scripts/pg.sh under its own state file, restarted with `pg_ctl restart -m fast` as
 * the postgres user (runuser, when we are root), and stopped and deleted at the end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_SH = fileURLToPath(new URL('../../../../scripts/pg.sh', import.meta.url));

export interface OwnCluster {
  /** postgres://postgres@127.0.0.1:PORT/wallet_test */
  readonly url: string;
  /** `pg_ctl restart -m fast`: cuts every connection, waits until the server accepts again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnCluster(): Promise<OwnCluster> {
  const stateDir = mkdtempSync(join(tmpdir(), 'demo-pg-state-'));
  // Ports from 56432 up: clear of the shared test cluster, which starts at 55432.
  const env = {
    ...process.env,
    WALLET_PG_STATE: join(stateDir, 'pg.state'),
    WALLET_PG_PORT: '56432',
  };
  const started = await run('bash', [PG_SH, 'start'], { env });
  const url = started.stdout.trim().split('\n').pop() ?? '';
  const state = readFileSync(env.WALLET_PG_STATE, 'utf8');
  const dir = /^PG_DIR=(.+)$/m.exec(state)?.[1];
  const bin = /^PG_BIN=(.+)$/m.exec(state)?.[1];
  if (dir === undefined || bin === undefined) throw new Error('pg.sh wrote no PG_DIR/PG_BIN');
  const pgCtl = [
    join(bin, 'pg_ctl'),
    'restart',
    '-m',
    'fast',
    '-w',
    '-t',
    '60',
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'server.log'),
  ];
  const asPostgres =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', ...pgCtl]]
      : [pgCtl[0], pgCtl.slice(1)];
  return {
    url,
    async restart() {
      const [command, args] = asPostgres as [string, string[]];
      await run(command, args, { cwd: '/' });
    },
    async stop() {
      await run('bash', [PG_SH, 'stop'], { env }).catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
