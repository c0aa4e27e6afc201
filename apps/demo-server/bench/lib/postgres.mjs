// PostgreSQL for the server benchmark: the server named by WALLET_TEST_PG_URL, or else a throwaway
// cluster started with scripts/pg.sh (its own state file, so a developer's test cluster is left
// alone) and stopped afterwards; a fresh database for every run.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The postmaster's pid from a pg.sh state file, when the cluster is one we know. */
function postmasterPid(stateFile) {
  try {
    const dir = /^PG_DIR=(.+)$/m.exec(readFileSync(stateFile, 'utf8'))?.[1];
    if (dir === undefined) return undefined;
    return Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/**
 * A PostgreSQL server: `{ url, pid, stop() }`. `pid` (the postmaster) is known only for a cluster
 * this benchmark started.
 */
export function ensurePostgres(repoRoot, workDir) {
  const existing = process.env.WALLET_TEST_PG_URL;
  if (existing !== undefined && existing !== '') {
    return { url: existing, pid: undefined, started: false, stop: () => undefined };
  }
  const env = { ...process.env, WALLET_PG_STATE: join(workDir, 'pg.state') };
  const script = join(repoRoot, 'scripts', 'pg.sh');
  const url = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  return {
    url,
    pid: postmasterPid(env.WALLET_PG_STATE),
    started: true,
    stop: () => {
      spawnSync('bash', [script, 'stop'], { env, stdio: 'ignore' });
    },
  };
}

/** Pins the postmaster and its current children to `core` (new backends inherit it). */
export function pinPostgres(pid, core) {
  if (pid === undefined) return false;
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  for (const each of [String(pid), ...children.split('\n').filter(Boolean)]) {
    spawnSync('taskset', ['-p', '-c', String(core), each], { stdio: 'ignore' });
  }
  return true;
}

/** A new empty database on `adminUrl`: `{ url, drop() }`. */
export async function freshDatabase(adminUrl) {
  const name = `wallet_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
