// Request validation of the Register Customer body, against a baseline measured in the same run:
// JSON.parse of the same body (the unavoidable cost of reading a decrypted request at all).
// Workload: the `register-compact` vector's plaintext, the spec's register sample.
// Target: at least 300,000 validations/s on one core. Run with `pnpm bench` (builds first), or
// `node packages/schemas/bench/validate.bench.mjs` after `pnpm --filter @wallet/schemas build`.
// Always exits 0 unless the workload is rejected; the verdicts are printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { routes, validateRequest } from '../dist/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const vectors = JSON.parse(readFileSync(join(root, 'fixtures/wallet-vectors.json'), 'utf8'));
const text = vectors.envelope.find((v) => v.name === 'register-compact').plaintext;
const body = JSON.parse(text);

// A validator that rejects the workload would be measuring its error path: refuse to time it.
const check = validateRequest('registerCustomer', body);
if (!check.ok) {
  console.error(`register sample rejected: ${check.summary}`);
  process.exit(1);
}

const schema = routes.registerCustomer.request;
let sink = 0;
const bench = new Bench({ time: 1500, warmup: true, warmupTime: 300 });
bench
  .add('JSON.parse (baseline)', () => {
    sink += JSON.parse(text).productId;
  })
  .add('registerCustomer.request.safeParse', () => {
    sink += schema.safeParse(body).success ? 1 : 0;
  })
  .add('validateRequest("registerCustomer")', () => {
    sink += validateRequest('registerCustomer', body).ok ? 1 : 0;
  })
  .add('JSON.parse + validateRequest', () => {
    sink += validateRequest('registerCustomer', JSON.parse(text)).ok ? 1 : 0;
  });

await bench.run();

const hz = (name) => {
  const task = bench.tasks.find((t) => t.name === name);
  const result = task?.result;
  return result && 'throughput' in result ? result.throughput.mean : 0;
};
const baseline = hz('JSON.parse (baseline)');
const rows = bench.tasks.map((task) => {
  const ops = hz(task.name);
  return {
    task: task.name,
    'ops/s': Math.round(ops).toLocaleString('en-US'),
    'µs/op': ops > 0 ? (1e6 / ops).toFixed(3) : '-',
    'vs JSON.parse': ops > 0 ? `${(baseline / ops).toFixed(2)}x the time` : '-',
  };
});
console.table(rows);

const TARGET = 300_000;
const validations = hz('validateRequest("registerCustomer")');
const verdict = validations >= TARGET ? 'PASS' : 'FAIL';
console.log(
  `${verdict}: validateRequest("registerCustomer") ${Math.round(validations).toLocaleString('en-US')} ops/s ` +
    `(target >= ${TARGET.toLocaleString('en-US')}); costs ${(baseline / validations).toFixed(2)}x ` +
    `a JSON.parse of the same ${text.length}-byte body`,
);
if (sink === -1) console.log('');
