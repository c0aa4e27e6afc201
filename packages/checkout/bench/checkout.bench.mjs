// The cost of @wallet/checkout's hot paths, in one run, against the floor measured beside it: the
// same work written directly against node:crypto (what the SDK cannot beat).
//   - paymentHash: the SDK checks every field by PayU's rules, then hashes; the floor only hashes.
//   - parseCallback (+ verifyResponseHash): a raw form-urlencoded callback body read into fields,
//     its response hash recomputed and compared in constant time; the floor does the same with
//     URLSearchParams, a template string, createHash and timingSafeEqual, and no checks.
// Workload: the shared vectors "payment request, udf1..udf5" and "response, failure, udf1..udf5"
// (fixtures/payu-hash-vectors.json); every implementation must give the vector's hash first.
// For reference, also the createHash() version most merchant code uses.
// Target: each SDK path costs at most 1.1x its floor. Run with `pnpm bench` (builds first).
// Always exits 0; the verdicts are printed.
import * as nodeCrypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';

const root = join(import.meta.dirname, '..', '..', '..');
const { createCheckout, paymentHash, verifyResponseHash } = await import(
  join(root, 'packages/checkout/dist/index.js')
);

const { vectors } = JSON.parse(readFileSync(join(root, 'fixtures/payu-hash-vectors.json'), 'utf8'));
const paymentVector = vectors.find((v) => v.name === 'payment request, udf1..udf5');
const responseVector = vectors.find((v) => v.name === 'response, failure, udf1..udf5');
const salt = paymentVector.salt;
const params = paymentVector.params;
const callbackFields = {
  mihpayid: '403993715521937565',
  mode: 'CLW',
  status: responseVector.status,
  unmappedstatus: 'failed',
  ...responseVector.params,
  net_amount_debit: '0',
  addedon: '2026-12-04 18:02:11',
  lastname: '',
  phone: '9812345678',
  bankcode: 'CLW',
  PG_TYPE: 'CLW-PG',
  bank_ref_num: '726393459450',
  error: 'E1605',
  error_Message: 'Insufficient balance',
  hash: responseVector.sha512,
};
const callbackBody = new URLSearchParams(callbackFields).toString();
const checkout = createCheckout({ key: params.key, salt, environment: 'test' });

// --- the floor -----------------------------------------------------------------------------------

const { createHash, timingSafeEqual } = nodeCrypto;
// The fastest SHA-512 node:crypto offers: the one-shot crypto.hash() (Node 20.12+), which the SDK
// uses too; createHash() where it is missing. `typical` below is the createHash() code most
// merchants write, shown for reference only.
const sha512 =
  typeof nodeCrypto.hash === 'function'
    ? (text) => nodeCrypto.hash('sha512', text, 'hex')
    : (text) => createHash('sha512').update(text).digest('hex');
const typicalSha512 = (text) => createHash('sha512').update(text).digest('hex');
const paymentString = (p) =>
  `${p.key}|${p.txnid}|${p.amount}|${p.productinfo}|${p.firstname}|${p.email}|${p.udf1 ?? ''}|${p.udf2 ?? ''}|${p.udf3 ?? ''}|${p.udf4 ?? ''}|${p.udf5 ?? ''}||||||${salt}`;
const raw = {
  paymentHash: (p) => sha512(paymentString(p)),
  parseCallback: (body) => readCallback(body, sha512),
};
const typical = {
  paymentHash: (p) => typicalSha512(paymentString(p)),
  parseCallback: (body) => readCallback(body, typicalSha512),
};
function readCallback(body, hash) {
  const f = Object.fromEntries(new URLSearchParams(body));
  const expected = hash(
    `${salt}|${f.status}||||||${f.udf5 ?? ''}|${f.udf4 ?? ''}|${f.udf3 ?? ''}|${f.udf2 ?? ''}|${f.udf1 ?? ''}|${f.email}|${f.firstname}|${f.productinfo}|${f.amount}|${f.txnid}|${f.key}`,
  );
  const given = Buffer.from(f.hash ?? '', 'latin1');
  if (given.length !== 128 || !timingSafeEqual(given, Buffer.from(expected, 'latin1'))) {
    throw new Error('hash mismatch');
  }
  return f;
}
const wallet = {
  paymentHash: (p) => paymentHash(p, salt),
  parseCallback: (body) => checkout.parseCallback(body),
};

// --- same answers first: a fast wrong implementation proves nothing ------------------------------

const implementations = { wallet, 'node:crypto': raw, 'createHash (typical)': typical };
for (const [name, impl] of Object.entries(implementations)) {
  if (impl.paymentHash(params) !== paymentVector.sha512) {
    console.error(`${name}: paymentHash differs from the vector`);
    process.exit(1);
  }
  if (impl.parseCallback(callbackBody).mihpayid !== callbackFields.mihpayid) {
    console.error(`${name}: parseCallback does not read the callback`);
    process.exit(1);
  }
}
if (!verifyResponseHash(callbackFields, salt)) {
  console.error('wallet: verifyResponseHash refuses the vector');
  process.exit(1);
}

// --- measure -------------------------------------------------------------------------------------

const operations = {
  paymentHash: (impl) => () => impl.paymentHash(params),
  'parseCallback + verifyResponseHash': (impl) => () => impl.parseCallback(callbackBody),
};
const bench = new Bench({ time: 700, warmup: true, warmupTime: 250, throws: true });
// Interleaved rounds, so a noisy moment on a shared machine hits both sides alike.
const ROUNDS = 3;
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [operation, make] of Object.entries(operations)) {
    for (const [name, impl] of Object.entries(implementations)) {
      bench.add(`${operation} | ${name} | ${round}`, make(impl));
    }
  }
}

for (let i = 0; i < 5000; i += 1) {
  for (const impl of Object.values(implementations)) {
    impl.paymentHash(params);
    impl.parseCallback(callbackBody);
  }
}
globalThis.gc?.();

const started = performance.now();
await bench.run();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

/** Mean throughput over the rounds, per operation and implementation. */
const throughput = new Map();
for (const task of bench.tasks) {
  if (task.result.state !== 'completed') throw new Error(`${task.name}: ${task.result.state}`);
  const key = task.name.split(' | ').slice(0, 2).join(' | ');
  throughput.set(key, [...(throughput.get(key) ?? []), task.result.throughput.mean]);
}
const ops = (operation, name) => {
  const all = throughput.get(`${operation} | ${name}`) ?? [];
  return all.reduce((sum, n) => sum + n, 0) / all.length;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (n) => `${n.toFixed(2)}x`;

console.log(
  `Node ${process.version}, ${bench.tasks.length} tasks (${ROUNDS} interleaved rounds) in ${seconds} s (ops/s: mean throughput)`,
);
console.table(
  Object.keys(operations).map((operation) => ({
    operation,
    'wallet ops/s': fmt(ops(operation, 'wallet')),
    'node:crypto ops/s': fmt(ops(operation, 'node:crypto')),
    'createHash ops/s': fmt(ops(operation, 'createHash (typical)')),
    'wallet cost vs floor': ratio(ops(operation, 'node:crypto') / ops(operation, 'wallet')),
    'wallet cost vs createHash': ratio(
      ops(operation, 'createHash (typical)') / ops(operation, 'wallet'),
    ),
  })),
);
console.log('');
let missed = false;
for (const operation of Object.keys(operations)) {
  const cost = ops(operation, 'node:crypto') / ops(operation, 'wallet');
  const met = cost <= 1.1;
  missed ||= !met;
  console.log(
    `${met ? 'PASS' : 'FAIL'}  ${operation} costs at most 1.1x the node:crypto floor (measured ${ratio(cost)})`,
  );
}
if (missed) console.log('\n*** BENCHMARK TARGETS MISSED: see FAIL above ***');
