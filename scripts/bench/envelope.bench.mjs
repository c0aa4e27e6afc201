// The cost of one wallet request's crypto, in one run, against two baselines measured beside it:
//   - the floor: the same work written directly against node:crypto (what the SDK cannot beat),
//   - crypto-js: what most merchant sample code uses (CryptoJS.AES.encrypt, CryptoJS.HmacSHA512).
// Workload: the register sample body (the `register-compact` vector's plaintext, as an object),
// sealed with the vector's key and fixed IV, so every implementation must produce the vector's
// exact token before anything is timed; signed with the `doc-date` HMAC vector.
// Targets: seal + signRequest within 1.3x of the floor, and at least 15x faster than crypto-js.
// Run with `pnpm bench` (builds the packages first). Always exits 0; the verdicts are printed.
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CryptoJS from 'crypto-js';
import { Bench } from 'tinybench';

const root = join(import.meta.dirname, '..', '..');
const { createEnvelope } = await import(join(root, 'packages/crypto/dist/index.js'));
const { signRequest, verifyRequest } = await import(join(root, 'packages/hmac/dist/index.js'));

const vectors = JSON.parse(readFileSync(join(root, 'fixtures/wallet-vectors.json'), 'utf8'));
const sample = vectors.envelope.find((v) => v.name === 'register-compact');
const hmacVector = vectors.hmac.find((v) => v.name === 'doc-date');
const body = JSON.parse(sample.plaintext);
const { merchantKey, merchantSalt, date } = hmacVector;

// --- the three implementations ------------------------------------------------------------------

const envelope = createEnvelope({ key: sample.keyHex, iv: { fixed: sample.ivHex } });
const prefixEnvelope = createEnvelope({ key: sample.keyHex });
const wallet = {
  seal: () => envelope.seal(body),
  open: (token) => envelope.open(token),
  sign: () => signRequest({ merchantKey, merchantSalt, date }).authorization,
  verify: (authorization) =>
    verifyRequest({
      headers: { date, authorization },
      lookupSalt: () => merchantSalt,
      now: new Date(date),
    }).then((result) => result.ok),
};

const keyBytes = Buffer.from(sample.keyHex, 'hex');
const ivBytes = Buffer.from(sample.ivHex, 'hex');
const saltBytes = Buffer.from(merchantSalt, 'utf8');
const headerStart = `hmac username="${merchantKey}", algorithm="sha512", headers="date", signature="`;
const rawMac = () => createHmac('sha512', saltBytes).update(`date: ${date}`).digest();
const raw = {
  seal() {
    const cipher = createCipheriv('aes-192-cbc', keyBytes, ivBytes);
    const plaintext = JSON.stringify(body);
    return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
  },
  open(token) {
    const decipher = createDecipheriv('aes-192-cbc', keyBytes, ivBytes);
    const bytes = Buffer.concat([decipher.update(token, 'base64'), decipher.final()]);
    return JSON.parse(bytes.toString('utf8'));
  },
  sign: () => `${headerStart}${rawMac().toString('hex')}"`,
  async verify(authorization) {
    const given = Buffer.from(authorization.slice(headerStart.length, -1), 'hex');
    return given.length === 64 && timingSafeEqual(given, rawMac());
  },
};

const cjsKey = CryptoJS.enc.Hex.parse(sample.keyHex);
const cjsIv = CryptoJS.enc.Hex.parse(sample.ivHex);
const cjsMac = () => CryptoJS.HmacSHA512(`date: ${date}`, merchantSalt).toString(CryptoJS.enc.Hex);
const cryptoJs = {
  seal: () => CryptoJS.AES.encrypt(JSON.stringify(body), cjsKey, { iv: cjsIv }).toString(),
  open: (token) =>
    JSON.parse(CryptoJS.AES.decrypt(token, cjsKey, { iv: cjsIv }).toString(CryptoJS.enc.Utf8)),
  sign: () => `${headerStart}${cjsMac()}"`,
  async verify(authorization) {
    return authorization.slice(headerStart.length, -1) === cjsMac();
  },
};

// --- same answers first: a fast wrong implementation proves nothing ------------------------------

const implementations = { wallet, 'node:crypto': raw, 'crypto-js': cryptoJs };
for (const [name, impl] of Object.entries(implementations)) {
  const token = impl.seal();
  const authorization = impl.sign();
  const problems = [];
  if (token !== sample.fixedIvToken) problems.push('seal() differs from the openssl token');
  if (JSON.stringify(impl.open(sample.fixedIvToken)) !== JSON.stringify(body)) {
    problems.push('open() does not give the body back');
  }
  if (authorization !== hmacVector.authorization) {
    problems.push('the Authorization header differs from the vector');
  }
  if ((await impl.verify(authorization)) !== true) problems.push('verify() refuses a good header');
  if (problems.length > 0) {
    console.error(`${name}: ${problems.join('; ')}`);
    process.exit(1);
  }
}
if (JSON.stringify(prefixEnvelope.open(prefixEnvelope.seal(body))) !== JSON.stringify(body)) {
  console.error('wallet (prefix IV): seal/open round trip failed');
  process.exit(1);
}

// --- measure -------------------------------------------------------------------------------------

const operations = {
  seal: (impl) => () => impl.seal(),
  open: (impl) => () => impl.open(sample.fixedIvToken),
  signRequest: (impl) => () => impl.sign(),
  verifyRequest: (impl) => () => impl.verify(hmacVector.authorization),
  'seal + signRequest': (impl) => () => [impl.seal(), impl.sign()],
};

const bench = new Bench({ time: 700, warmup: true, warmupTime: 250, throws: true });
for (const [operation, make] of Object.entries(operations)) {
  for (const [name, impl] of Object.entries(implementations)) {
    const fn = make(impl);
    bench.add(`${operation} | ${name}`, operation === 'verifyRequest' ? async () => fn() : fn);
  }
}
bench.add('seal (prefix IV, the default) | wallet', () => prefixEnvelope.seal(body));

// Steady state before the clock starts: JIT-compile every path, settle the heap.
for (let i = 0; i < 3000; i += 1) {
  for (const impl of Object.values(implementations)) {
    impl.open(impl.seal());
    impl.sign();
  }
}
globalThis.gc?.();

const started = performance.now();
await bench.run();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const opsPerSecond = new Map(
  bench.tasks.map((task) => {
    if (task.result.state !== 'completed') throw new Error(`${task.name}: ${task.result.state}`);
    return [task.name, task.result.throughput.mean];
  }),
);
const ops = (operation, name) => opsPerSecond.get(`${operation} | ${name}`) ?? Number.NaN;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (n) => `${n.toFixed(2)}x`;

console.log(
  `Node ${process.version}, ${bench.tasks.length} tasks in ${seconds} s (ops/s: mean throughput)`,
);
console.table(
  Object.keys(operations).map((operation) => {
    const w = ops(operation, 'wallet');
    const r = ops(operation, 'node:crypto');
    const c = ops(operation, 'crypto-js');
    return {
      operation,
      'wallet ops/s': fmt(w),
      'node:crypto ops/s': fmt(r),
      'crypto-js ops/s': fmt(c),
      'wallet cost vs floor': ratio(r / w),
      'wallet speed vs crypto-js': ratio(w / c),
    };
  }),
);
const prefixSeal = opsPerSecond.get('seal (prefix IV, the default) | wallet') ?? Number.NaN;
console.log(
  `seal with the default prefix IV (fresh random IV per message): ${fmt(prefixSeal)} ops/s, ` +
    `${ratio(ops('seal', 'wallet') / prefixSeal)} the cost of the fixed-IV seal`,
);

const combined = 'seal + signRequest';
const vsFloor = ops(combined, 'node:crypto') / ops(combined, 'wallet');
const vsCryptoJs = ops(combined, 'wallet') / ops(combined, 'crypto-js');
const targets = [
  [`${combined} costs at most 1.3x the node:crypto floor`, vsFloor <= 1.3, ratio(vsFloor)],
  [`${combined} is at least 15x faster than crypto-js`, vsCryptoJs >= 15, ratio(vsCryptoJs)],
];
console.log('');
for (const [target, met, measured] of targets) {
  console.log(`${met ? 'PASS' : 'FAIL'}  ${target} (measured ${measured})`);
}
if (targets.some(([, met]) => !met)) {
  console.log('\n*** BENCHMARK TARGETS MISSED: see FAIL above ***');
}
