// What the client costs on top of the request itself: `registerCustomer` through @wallet/client,
// against the same request built and sent by hand (node:crypto AES-192-CBC with a fresh IV, an
// HMAC-SHA512 Authorization header, `fetch`'s Request/Response) to the same in-process sandbox.
// Both go through `sandbox.fetch` (no socket), so the sandbox's own work (authentication,
// decryption, validation, the SQLite write, the sealed answer) is in both figures and the
// difference is the client: validation, defaults, ky, retries set-up, answer check.
// Every iteration registers a new customer: a fresh clientTxnId and a distinct mobile number.
// Target: the client within 1.25x of the hand-built call. Run with `pnpm bench` (builds first), or
// `node packages/client/bench/client.bench.mjs` after building the packages. Always exits 0 unless
// a workload fails; the verdict is printed.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Bench } from 'tinybench';

const here = import.meta.dirname;
const { createWalletClient } = await import(join(here, '..', 'dist', 'index.js'));
const { createSandbox } = await import('@wallet/sandbox');
const { routes, formatRequestDateTime } = await import('@wallet/schemas');

const TARGET = 1.25;
const sandbox = await createSandbox({ env: {}, logger: false, output: () => {} });
const merchant = sandbox.merchants[0];
const origin = 'http://sandbox.invalid';

// --- the client ------------------------------------------------------------------------------

const client = createWalletClient({
  baseUrl: origin,
  merchantKey: merchant.merchantKey,
  merchantSalt: merchant.salt,
  encryptionKey: merchant.encryptionKey,
  fetch: (request) => sandbox.fetch(request),
});

// --- by hand ---------------------------------------------------------------------------------

const route = routes.registerCustomer;
const url = origin + route.path;
const key = Buffer.from(merchant.encryptionKey, 'hex');
const salt = Buffer.from(merchant.salt, 'utf8');
const authorizationStart = `hmac username="${merchant.merchantKey}", algorithm="sha512", headers="date", signature="`;

function seal(value) {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-192-cbc', key, iv);
  const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return sealed.toString('base64');
}

function open(token) {
  const bytes = Buffer.from(token, 'base64');
  const decipher = createDecipheriv('aes-192-cbc', key, bytes.subarray(0, 16));
  const plain = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

async function registerByHand(params) {
  const body = JSON.stringify({
    token: seal({
      messageCode: route.requestMessageCode,
      clientTxnId: randomUUID().replaceAll('-', ''),
      requestDateTime: formatRequestDateTime(new Date()),
      kycProfile: 30,
      riskCategory: 'Low',
      formFactorRequired: false,
      ...params,
    }),
  });
  const date = new Date().toUTCString();
  const signature = createHmac('sha512', salt).update(`date: ${date}`).digest('hex');
  const response = await sandbox.fetch(
    new Request(url, {
      method: route.methods[0],
      headers: {
        walletIdentifier: 'CLW',
        'Content-Type': 'application/json',
        date,
        Authorization: `${authorizationStart}${signature}"`,
      },
      body,
    }),
  );
  const answer = open((await response.json()).result);
  if (answer.responseCode !== '00') throw new Error(`by hand: ${answer.responseMessage}`);
  return answer;
}

// --- the workload: a new customer every time ---------------------------------------------------

let serial = 0;
function newCustomer() {
  serial += 1;
  return {
    customerDetails: {
      firstName: 'Asha',
      lastName: 'Verma',
      dateOfBirth: '14-02-1991',
      mobileNumber: `91${String(7_000_000_000 + serial)}`,
      emailAddress: 'asha.verma@example.com',
    },
    productId: 35,
  };
}

const implementations = {
  'by hand (fetch + node:crypto)': async () => registerByHand(newCustomer()),
  '@wallet/client registerCustomer': async () => client.registerCustomer(newCustomer()),
};

// Both must register customers before anything is timed.
for (const [name, register] of Object.entries(implementations)) {
  const answer = await register();
  if (answer.responseCode !== '00' || typeof answer.urn !== 'string') {
    console.error(`${name}: no customer registered`);
    process.exit(1);
  }
}

// Steady state before the clock starts.
for (let i = 0; i < 400; i += 1) {
  for (const register of Object.values(implementations)) await register();
}
globalThis.gc?.();

// Two rounds in alternating order, so neither side always runs on the larger store.
const rounds = [Object.keys(implementations), Object.keys(implementations).reverse()];
const samples = new Map(Object.keys(implementations).map((name) => [name, []]));
const started = performance.now();
for (const order of rounds) {
  const bench = new Bench({ time: 1500, warmup: true, warmupTime: 200, throws: true });
  for (const name of order) bench.add(name, implementations[name]);
  await bench.run();
  for (const task of bench.tasks) {
    if (task.result.state !== 'completed') throw new Error(`${task.name}: ${task.result.state}`);
    samples.get(task.name).push(task.result.throughput.mean);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
await sandbox.close();

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const [handName, clientName] = Object.keys(implementations);
const hand = mean(samples.get(handName));
const wallet = mean(samples.get(clientName));
const ratio = hand / wallet;
const fmt = (n) => Math.round(n).toLocaleString('en-US');

console.log(
  `Node ${process.version}, in-process sandbox (SQLite in memory), ${serial} customers registered, ${seconds} s timed`,
);
console.table([
  { implementation: handName, 'ops/s': fmt(hand), 'µs/op': (1e6 / hand).toFixed(1) },
  { implementation: clientName, 'ops/s': fmt(wallet), 'µs/op': (1e6 / wallet).toFixed(1) },
]);
console.log(
  `client overhead: ${(1e6 / wallet - 1e6 / hand).toFixed(1)} µs per call; cost ratio ${ratio.toFixed(2)}x`,
);
console.log('');
console.log(
  `${ratio <= TARGET ? 'PASS' : 'FAIL'}  registerCustomer costs at most ${TARGET}x the hand-built call (measured ${ratio.toFixed(2)}x)`,
);
if (ratio > TARGET) console.log('\n*** BENCHMARK TARGET MISSED: see FAIL above ***');
