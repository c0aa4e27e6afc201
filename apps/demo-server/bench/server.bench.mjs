// `pnpm bench:server`: throughput of wallet-demo-server over loopback, against a floor measured in
// the same run. Each server runs in its own process on core 0 (PostgreSQL too, when this script
// started it), autocannon in another process on core 1.
//
//   floor       a bare Hono route on @hono/node-server (the sandbox's own stack) answering {"status":"ok"}
//   protocol    the protocol floor (lib/protocol-floor-server.mjs): the least work a correct Retrieve
//               Customer takes on bare node:http (verify, open, validate, store the answer in SQLite
//               with synchronous=FULL and group commit, seal): what the targets are measured against
//   register    Register Customer, a unique clientTxnId and mobile number per request
//   retrieve    Retrieve Customer Record of registered customers, a unique clientTxnId per request
//   load        Load 1.00 INR onto registered wallets, a unique clientTxnId per request
//   pay         seamless payments of 1.00 INR (`POST /_payment`, `txn_s2s_flow=4`), a unique txnid
//               each, from wallets registered and funded to their cap in an untimed setup (enough
//               of them that the balance never runs out), the body built by @wallet/checkout
//   verify      `verify_payment` (postservice) of one txnid per request, over the txnids the
//               measured payments paid
//
// each against SQLite (a fresh file) and PostgreSQL (a fresh database on WALLET_TEST_PG_URL, or on a
// throwaway cluster started with scripts/pg.sh). Every request is real: sealed, signed over its own
// date, checked by the sandbox. Prints req/s, p50/p99 latency, server CPU per request, each API's
// CPU and p99 as multiples of the protocol floor's, its targets and PASS/FAIL per target; exits 1 only when a
// request was refused, a payment or verify_payment did not succeed, or the ledger disagrees (like
// the other benchmarks, a missed target is printed, not an error).
//
// Targets (TARGETS below) are against the protocol floor measured in the same run, right before
// each database's rows: server CPU per request (read from /proc, steadier than req/s on a shared
// machine) as a multiple of the protocol floor's, and p99 latency as a multiple of the protocol
// floor's p99. The bare floor is printed for reference only.
//
// Options: --seconds N (measured seconds per API, default 10), --connections N (default 32),
// --skip-postgres, --skip-payments (no pay and verify rows), --soak (only the memory soak, below),
// --soak-seconds N (default 300), --cpu-prof-dir DIR (write a V8 CPU profile of each demo server
// there, for `node --cpu-prof`), --server-runtime PATH (run the demo server with this executable
// instead of this Node, e.g. Bun from .tmp/runtimes; the floors and autocannon stay on Node; not
// with --soak or --cpu-prof-dir, whose Node flags another runtime does not take).
//
// The soak: one server on SQLite under steady Load + Retrieve traffic (built as sent, so dates stay
// fresh) for --soak-seconds. Its resident memory (VmRSS, sampled every 5 s) and its live heap after
// each full collection (node --trace-gc) must not grow more than SOAK_RSS_BOUND_MIB and
// SOAK_HEAP_BOUND_MIB above their levels at the end of the 60 s warm-up; exits 1 if they do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '@wallet/sandbox';
import { ensurePostgres, freshDatabase, pinPostgres } from './lib/postgres.mjs';
import { CAN_PIN, cpuMilliseconds, residentBytes, runNode, startServer } from './lib/processes.mjs';
import { benchMerchant, mobileNumbers, PAYER_FUNDS_PAISE, PAYMENT_PAISE } from './lib/requests.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..', '..', '..');
const MAIN = join(HERE, '..', 'dist', 'main.js');
const FLOOR = join(HERE, 'lib', 'floor-server.mjs');
const PROTOCOL_FLOOR = join(HERE, 'lib', 'protocol-floor-server.mjs');
const LOAD = join(HERE, 'lib', 'load-generator.mjs');
const SERVER_CORE = 0;
const LOAD_CORE = 1;

/**
 * Targets, per API and database: server CPU per request at most `cpu` times the protocol floor's;
 * for Register on PostgreSQL also req/s at least `rpsOfSqlite` of the same API's on SQLite. Every
 * sandbox row's p99 at most P99_RATIO times the protocol floor's p99. Rows without an entry (the
 * payment gateway's, Retrieve and Load on PostgreSQL) are measured and shown without a CPU target.
 */
const TARGETS = {
  sqlite: { retrieve: { cpu: 1.4 }, load: { cpu: 1.5 }, register: { cpu: 2.0 } },
  postgres: { register: { cpu: 3.0, rpsOfSqlite: 0.4 } },
};
const P99_RATIO = 3;
/**
 * Payer wallets start at this customer index, far above what Register reaches in a run; there
 * are enough of them for PAYMENT_RATE_BOUND payments a second (and never fewer than one per
 * connection), so no payment finds its wallet short.
 */
const PAYER_INDEX_FROM = 9_000_000;
const PAYMENT_RATE_BOUND = 20_000;
const SOAK_WARMUP_SECONDS = 60;
const SOAK_SAMPLE_SECONDS = 5;
/**
 * How much the server may grow after the warm-up, at most. The live heap after a full collection
 * is what the server retains, so its bound is tight; resident memory also follows V8 growing its
 * spaces and the allocator keeping pages, which can add tens of MiB without a leak.
 */
const SOAK_HEAP_BOUND_MIB = 16;
const SOAK_RSS_BOUND_MIB = 128;

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'warmup-requests': { type: 'string', default: '3000' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-payments': { type: 'boolean', default: false },
    soak: { type: 'boolean', default: false },
    'soak-seconds': { type: 'string', default: '300' },
    'cpu-prof-dir': { type: 'string' },
    'server-runtime': { type: 'string' },
  },
});
const SERVER_RUNTIME = options['server-runtime'] ?? process.execPath;
if (
  options['server-runtime'] !== undefined &&
  (options.soak || options['cpu-prof-dir'] !== undefined)
) {
  console.error('--server-runtime cannot be combined with --soak or --cpu-prof-dir (Node flags)');
  process.exit(2);
}
const SECONDS = Number(options.seconds);
const CONNECTIONS = Number(options.connections);
const WARMUP_REQUESTS = Number(options['warmup-requests']);

const work = mkdtempSync(join(tmpdir(), 'wallet-bench-server-'));
const merchant = benchMerchant();
const merchantsFile = join(work, 'merchants.json');
writeFileSync(merchantsFile, JSON.stringify({ merchants: [merchant] }));
const mobilePrefix = 600 + Math.floor(Math.random() * 400); // see mobileNumbers
const mobile = mobileNumbers(mobilePrefix);
let jobs = 0;

/** Runs one load job against `server` in the load process; resolves with its JSON result. */
async function loadJob(server, api, extra) {
  const file = join(work, `job-${++jobs}.json`);
  const job = {
    url: server.url,
    serverPid: server.pid,
    api,
    merchant,
    mobilePrefix,
    connections: CONNECTIONS,
    warmupRequests: WARMUP_REQUESTS,
    seconds: SECONDS,
    mobiles: { from: 0, count: 1 },
    ...extra,
  };
  writeFileSync(file, JSON.stringify(job));
  const out = await runNode(LOAD, [file], { core: LOAD_CORE });
  return JSON.parse(out.trim().split('\n').pop());
}

function startDemo(database, { nodeFlags = [], onLine } = {}) {
  return startServer(
    [
      SERVER_RUNTIME,
      ...nodeFlags,
      MAIN,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--database',
      database,
      '--merchants',
      merchantsFile,
      '--log-level',
      'silent',
    ],
    { core: SERVER_CORE, cwd: work, onLine },
  );
}

const rows = [];
const problems = [];

function record(label, backend, result) {
  const { measured } = result;
  rows.push({ label, backend, ...measured });
  const refused = measured.non2xx + measured.errors + measured.timeouts;
  if (refused > 0) problems.push(`${label} (${backend}): ${refused} requests refused or failed`);
  console.log(
    `  ${label.padEnd(9)} ${backend.padEnd(8)} ${fmt(measured.rps, 0).padStart(7)} req/s  ` +
      `p50 ${fmt(measured.p50, 0)} ms  p99 ${fmt(measured.p99, 0)} ms  ` +
      `server CPU ${fmt(measured.cpuUs, 0)} µs/request  (${measured.requests} in ${fmt(measured.seconds, 1)} s)`,
  );
}

function fmt(value, digits) {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Register, then Retrieve and Load of the customers it registered; then checks the ledger. */
async function benchSandbox(backend, database) {
  const profileDir = options['cpu-prof-dir'];
  const nodeFlags = profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const server = await startDemo(database, { nodeFlags });
  try {
    const register = await loadJob(server, 'registerCustomer', {
      mobiles: { from: 0, count: 1 },
    });
    record('register', backend, register);
    const registered = register.registered;
    record('retrieve', backend, await loadJob(server, 'retrieveCustomer', { mobiles: registered }));
    const load = await loadJob(server, 'load', { mobiles: registered });
    record('load', backend, load);
    await checkLedger(backend, database, load.warmup.requests + load.measured.requests);
    if (!options['skip-payments']) await benchPayments(server, backend, database);
  } finally {
    await server.stop();
  }
}

/**
 * The loads answered are in the ledger, one entry each: `answered` entries, plus at most
 * `inFlight` for requests a timed run cut off after the server had applied them.
 */
async function checkLedger(label, database, answered, inFlight = 0) {
  const store = await openStore(database);
  try {
    const entries = await store.listEntries({ merchantKey: merchant.merchantKey, limit: 1 });
    if (entries.total < answered || entries.total > answered + inFlight) {
      problems.push(`${label}: ${answered} loads answered but ${entries.total} ledger entries`);
    }
  } finally {
    await store.close();
  }
}

/** All answers of a load job (warm-up and measured), and how many of them said the work was done. */
function answers(result) {
  const passes = [result.warmup, result.measured].filter((pass) => pass !== undefined);
  return {
    answered: passes.reduce((sum, pass) => sum + pass.requests, 0),
    succeeded: passes.reduce((sum, pass) => sum + pass.succeeded, 0),
  };
}

/** A setup pass: every request answered 2xx, or the run cannot go on. */
function setupDone(step, result) {
  const { measured } = result;
  if (measured.non2xx + measured.errors + measured.timeouts > 0) {
    throw new Error(
      `payment setup: ${step}: ${measured.non2xx} refused, ${measured.errors} failed`,
    );
  }
}

/**
 * Registers and funds the payer wallets (untimed), then measures seamless payments from them and
 * `verify_payment` of the txnids the measured payments paid; then checks the ledger.
 */
async function benchPayments(server, backend, database) {
  const capacity = PAYER_FUNDS_PAISE / PAYMENT_PAISE;
  const most = WARMUP_REQUESTS + CONNECTIONS + SECONDS * PAYMENT_RATE_BOUND;
  const payers = {
    from: PAYER_INDEX_FROM,
    count: Math.max(CONNECTIONS, Math.ceil(most / capacity)),
  };
  setupDone(
    'register',
    await loadJob(server, 'payerRegister', { mobiles: payers, exact: payers.count }),
  );
  setupDone('fund', await loadJob(server, 'payerFund', { mobiles: payers, exact: payers.count }));
  const entriesBefore = await countEntries(database);

  const pay = await loadJob(server, 'seamlessPayment', { payers });
  record('pay', backend, pay);
  const paid = answers(pay);
  if (paid.succeeded !== paid.answered) {
    problems.push(
      `pay (${backend}): ${paid.answered - paid.succeeded} of ${paid.answered} payments not successful`,
    );
  }
  const verify = await loadJob(server, 'verifyPayment', { mobiles: pay.registered });
  record('verify', backend, verify);
  const verified = answers(verify);
  if (verified.succeeded !== verified.answered) {
    problems.push(
      `verify (${backend}): ${verified.answered - verified.succeeded} of ${verified.answered} verify_payment calls found no payment`,
    );
  }
  await checkPaymentLedger(backend, database, payers, paid, entriesBefore);
}

async function countEntries(database) {
  const store = await openStore(database);
  try {
    return (await store.listEntries({ merchantKey: merchant.merchantKey, limit: 1 })).total;
  } finally {
    await store.close();
  }
}

/**
 * Each successful payment debited exactly once: the store holds one payment per answer, the
 * ledger one new entry per success, and the payer wallets lost 1.00 INR per success in all.
 */
async function checkPaymentLedger(backend, database, payers, paid, entriesBefore) {
  const store = await openStore(database);
  try {
    const { merchantKey } = merchant;
    const payments = (await store.checkout.listPayments({ merchantKey, limit: 1 })).total;
    if (payments !== paid.answered) {
      problems.push(`pay (${backend}): ${paid.answered} payments answered but ${payments} stored`);
    }
    const entries = (await store.listEntries({ merchantKey, limit: 1 })).total - entriesBefore;
    if (entries !== paid.succeeded) {
      problems.push(
        `pay (${backend}): ${paid.succeeded} payments succeeded but ${entries} ledger entries`,
      );
    }
    let debited = 0;
    for (let index = payers.from; index < payers.from + payers.count; index++) {
      const account = await store.findAccount(merchantKey, { customerId: mobile(index) });
      if (account === null) {
        problems.push(`pay (${backend}): payer ${index - payers.from} is not registered`);
        continue;
      }
      debited += PAYER_FUNDS_PAISE - account.wallet.balance;
    }
    if (debited !== paid.succeeded * PAYMENT_PAISE) {
      problems.push(
        `pay (${backend}): ${paid.succeeded} payments of ${PAYMENT_PAISE} paise succeeded but the payers lost ${debited} paise`,
      );
    }
  } finally {
    await store.close();
  }
}

function passFail(ok) {
  return ok ? 'PASS' : 'FAIL';
}

function ratio(value, base) {
  return base === undefined || base === 0 ? undefined : value / base;
}

function times(value) {
  return value === undefined ? '–' : `${fmt(value, 2)}x`;
}

/** The targets of one sandbox row and whether each is met: `[ok, text]` pairs. */
function rowVerdicts(row, protocol, sqliteRow) {
  const verdicts = [];
  const target = TARGETS[row.backend]?.[row.label];
  const cpuRatio = ratio(row.cpuUs, protocol.cpuUs);
  if (target?.cpu !== undefined && cpuRatio !== undefined) {
    verdicts.push([cpuRatio <= target.cpu, `CPU ≤ ${fmt(target.cpu, 1)}x`]);
  }
  if (target?.rpsOfSqlite !== undefined && sqliteRow !== undefined) {
    const share = row.rps / sqliteRow.rps;
    verdicts.push([
      share >= target.rpsOfSqlite,
      `req/s ≥ ${fmt(100 * target.rpsOfSqlite, 0)}% of SQLite's (${fmt(100 * share, 1)}%)`,
    ]);
  }
  const p99Ratio = ratio(row.p99, protocol.p99);
  if (p99Ratio !== undefined) verdicts.push([p99Ratio <= P99_RATIO, `p99 ≤ ${P99_RATIO}x`]);
  return verdicts;
}

function report() {
  const floor = rows.find((row) => row.label === 'floor');
  const firstProtocol = rows.find((row) => row.label === 'protocol');
  /** The protocol floor measured last before the row at hand: each database's rows have their own. */
  let protocol;
  console.log(
    '\n| API | database | req/s | p50 ms | p99 ms | server CPU µs/request | CPU vs protocol floor | p99 vs protocol floor | targets |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  const verdicts = [];
  for (const row of rows) {
    if (row.label === 'protocol') protocol = row;
    const base = protocol !== undefined && row !== protocol && row !== floor;
    const own = base
      ? rowVerdicts(
          row,
          protocol,
          rows.find((r) => r.label === row.label && r.backend === 'sqlite'),
        )
      : [];
    for (const [ok, text] of own) {
      verdicts.push([ok, `${row.label} (${row.backend}): ${text}`]);
    }
    const targets =
      own.length === 0 ? '–' : own.map(([ok, text]) => `${text}: ${passFail(ok)}`).join('; ');
    console.log(
      `| ${row.label} | ${row.backend} | ${fmt(row.rps, 0)} | ${fmt(row.p50, 0)} | ${fmt(row.p99, 0)} | ` +
        `${fmt(row.cpuUs, 0)} | ${times(ratio(row.cpuUs, protocol?.cpuUs))} | ` +
        `${times(ratio(row.p99, protocol?.p99))} | ${targets} |`,
    );
  }
  console.log('');
  for (const [ok, text] of verdicts) console.log(`${passFail(ok)}  ${text}`);
  if (floor !== undefined && firstProtocol !== undefined) {
    console.log(
      `info  the bare floor (a Hono route answering {"status":"ok"}) costs ${fmt(floor.cpuUs, 0)} µs ` +
        `of server CPU per request, ${times(ratio(floor.cpuUs, firstProtocol.cpuUs))} the protocol floor's`,
    );
  }
  if (verdicts.some(([ok]) => !ok))
    console.log('\n*** BENCHMARK TARGETS MISSED: see FAIL above ***');
  for (const problem of problems) console.log(`FAIL  ${problem}`);
  // Like the other benchmarks, a missed target is reported, not an error; wrong answers are.
  return problems.length === 0;
}

async function throughput() {
  console.log(
    `server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}${CAN_PIN ? '' : ' (taskset missing: not pinned)'}; ` +
      `${CONNECTIONS} connections, ${WARMUP_REQUESTS} warm-up requests then about ${SECONDS} s per API` +
      (SERVER_RUNTIME === process.execPath ? '\n' : `; demo server on ${SERVER_RUNTIME}\n`),
  );
  const floorServer = await startServer([process.execPath, FLOOR], { core: SERVER_CORE });
  try {
    // The floor answers in microseconds: a longer warm-up, so that its rate (which sizes the
    // measured pass) is the steady one.
    const warmupRequests = WARMUP_REQUESTS * 10;
    record('floor', 'none', await loadJob(floorServer, 'floor', { warmupRequests }));
  } finally {
    await floorServer.stop();
  }

  const merchantFile = join(work, 'merchant.json');
  writeFileSync(merchantFile, JSON.stringify(merchant));
  /**
   * The protocol floor, measured again right before each database's rows: on a shared machine the
   * load drifts over a run, and each row is compared with the floor measured nearest to it.
   */
  const protocolFloor = async (run) => {
    const server = await startServer(
      [process.execPath, PROTOCOL_FLOOR, merchantFile, join(work, `protocol-${run}.db`)],
      { core: SERVER_CORE },
    );
    try {
      record('protocol', 'sqlite', await loadJob(server, 'retrieveCustomer', {}));
    } finally {
      await server.stop();
    }
  };

  await protocolFloor('sqlite');
  await benchSandbox('sqlite', join(work, 'bench.db'));

  if (!options['skip-postgres']) {
    const postgres = ensurePostgres(REPO_ROOT, work);
    try {
      const pinned = pinPostgres(postgres.pid, SERVER_CORE);
      if (!pinned)
        console.log('  (PostgreSQL from WALLET_TEST_PG_URL: not pinned to the server core)');
      const database = await freshDatabase(postgres.url);
      try {
        await protocolFloor('postgres');
        await benchSandbox('postgres', database.url);
      } finally {
        await database.drop();
      }
    } finally {
      postgres.stop();
    }
  }
  return report();
}

/** The live heap after a full collection, from a `--trace-gc` line about a Mark-Compact, in bytes. */
function heapAfterMarkCompact(line) {
  const match = /Mark-Compact.*?[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(line);
  return match === null ? undefined : Number(match[1]) * 2 ** 20;
}

/** How much a series grew after the warm-up: its peak over its first value, in MiB. */
function growthAfterWarmup(samples) {
  const after = samples.filter((s) => s.at >= SOAK_WARMUP_SECONDS);
  const base = after[0];
  if (base === undefined) return undefined;
  const peak = Math.max(...after.map((s) => s.bytes));
  return {
    base: base.bytes / 2 ** 20,
    peak: peak / 2 ** 20,
    growth: (peak - base.bytes) / 2 ** 20,
  };
}

async function soak() {
  const seconds = Number(options['soak-seconds']);
  if (seconds <= SOAK_WARMUP_SECONDS) {
    throw new Error(`--soak-seconds must exceed the ${SOAK_WARMUP_SECONDS} s warm-up`);
  }
  const database = join(work, 'soak.db');
  let started = Date.now();
  const since = () => Math.round((Date.now() - started) / 1000);
  const heap = [];
  // --trace-gc prints the live heap after every full collection: what the server really retains.
  const server = await startDemo(database, {
    nodeFlags: ['--trace-gc'],
    onLine: (line) => {
      const bytes = heapAfterMarkCompact(line);
      if (bytes !== undefined) heap.push({ at: since(), bytes });
    },
  });
  try {
    const register = await loadJob(server, 'registerCustomer', {});
    const registered = register.registered;
    const rss = [];
    started = Date.now();
    heap.length = 0;
    const sampler = setInterval(() => {
      const bytes = residentBytes(server.pid);
      if (bytes === undefined) return;
      rss.push({ at: since(), bytes });
      const lastHeap = heap[heap.length - 1];
      console.log(
        `  ${String(since()).padStart(4)} s  RSS ${fmt(bytes / 2 ** 20, 1)} MiB` +
          (lastHeap === undefined
            ? ''
            : `, heap after the last full GC ${fmt(lastHeap.bytes / 2 ** 20, 1)} MiB`),
      );
    }, SOAK_SAMPLE_SECONDS * 1000);
    const cpuBefore = cpuMilliseconds(server.pid);
    const [loads, retrieves] = await Promise.all([
      loadJob(server, 'load', {
        mobiles: registered,
        live: { seconds },
        connections: CONNECTIONS / 2,
      }),
      loadJob(server, 'retrieveCustomer', {
        mobiles: registered,
        live: { seconds },
        connections: CONNECTIONS / 2,
      }),
    ]);
    clearInterval(sampler);
    // Both streams share the server: its CPU time over all their requests.
    const cpuUs =
      ((cpuMilliseconds(server.pid) - cpuBefore) * 1000) /
      (loads.measured.requests + retrieves.measured.requests);
    record('soak load', 'sqlite', { measured: { ...loads.measured, cpuUs } });
    record('soak read', 'sqlite', { measured: { ...retrieves.measured, cpuUs } });
    await checkLedger('soak', database, loads.measured.requests, CONNECTIONS / 2);

    const verdicts = [];
    for (const [name, samples, bound] of [
      ['resident memory (VmRSS)', rss, SOAK_RSS_BOUND_MIB],
      ['heap after full GC (--trace-gc)', heap, SOAK_HEAP_BOUND_MIB],
    ]) {
      const grown = growthAfterWarmup(samples);
      if (grown === undefined) {
        verdicts.push([false, `${name}: no sample after the ${SOAK_WARMUP_SECONDS} s warm-up`]);
        continue;
      }
      verdicts.push([
        grown.growth <= bound,
        `${name} flat over ${seconds} s: ${fmt(grown.base, 1)} MiB after the ${SOAK_WARMUP_SECONDS} s ` +
          `warm-up, peak ${fmt(grown.peak, 1)} MiB, grew ${fmt(grown.growth, 1)} MiB (bound ${bound} MiB)`,
      ]);
    }
    console.log('');
    for (const [ok, text] of verdicts) console.log(`${passFail(ok)}  ${text}`);
    for (const problem of problems) console.log(`FAIL  ${problem}`);
    return verdicts.every(([ok]) => ok) && problems.length === 0;
  } finally {
    await server.stop();
  }
}

try {
  const ok = options.soak ? await soak() : await throughput();
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
