// The load side of the server benchmark, run in its own process (and on its own core):
//   node load-generator.mjs <job.json>
// Pre-generates a pool of real requests (sealed, signed with a fresh date, a unique clientTxnId each,
// a unique mobile number for Register Customer), then has autocannon send each exactly once through
// `setupRequest`, so that the generator does no crypto while the clock runs. A warm-up pass comes
// first; its rate sizes the measured pass to about `seconds`. In `live` mode (the soak) requests
// are built as they are sent instead, so that dates stay fresh for any duration.
// Prints one JSON line: { warmup, measured, registered } (`registered`: for Register Customer, the
// range of mobile numbers the measured pass registered, `{ from, count }`).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cpuMilliseconds } from './processes.mjs';
import { mobileNumbers, requestFactory } from './requests.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const mobile = mobileNumbers(job.mobilePrefix);
// The floor answers any route: it gets Retrieve Customer requests, so the generator's work per
// request is the same as against the sandbox.
const make = requestFactory(job.merchant, job.api === 'floor' ? 'retrieveCustomer' : job.api);

let fresh = job.mobiles.from; // the next mobile number's index
/** The mobile number of the next request: fresh ones for Register, registered ones (cycled) else. */
function nextMobile() {
  if (job.api === 'registerCustomer') return mobile(fresh++);
  const index = job.mobiles.from + ((fresh++ - job.mobiles.from) % job.mobiles.count);
  return mobile(index);
}

function pool(size) {
  return Array.from({ length: size }, () => make(nextMobile()));
}

/**
 * Sends each request of `requests` once, in order (the last one again should autocannon ask for
 * more). autocannon builds a request only to send it, so `sent()` requests went out.
 */
function fromPool(requests) {
  let next = 0;
  return {
    setupRequest: (base) => ({ ...base, ...requests[Math.min(next++, requests.length - 1)] }),
    sent: () => Math.min(next, requests.length),
  };
}

/**
 * autocannon reports only at its 1 s ticks, so a run that ends mid-second looks longer than it
 * was: time it from the first request to the last answer instead.
 */
function summary(result, timing) {
  const seconds = (timing.last - timing.first) / 1000;
  return {
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Runs autocannon; resolves with its result and the times of the first request and last answer. */
function run(options) {
  const timing = { first: Number.NaN, last: Number.NaN };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: job.url, connections: job.connections, timeout: 30, ...options },
      (error, result) => (error ? reject(error) : resolve(summary(result, timing))),
    );
    instance.once('start', () => {
      timing.first = performance.now();
    });
    instance.on('response', () => {
      timing.last = performance.now();
    });
  });
}

async function pooledRun(amount) {
  const first = fresh;
  // Spare requests, in case a connection builds more than it sends.
  const requests = pool(amount + job.connections);
  const source = fromPool(requests);
  const cpuBefore = cpuMilliseconds(job.serverPid);
  const result = await run({ amount, requests: [{ setupRequest: source.setupRequest }] });
  // The server's CPU time (user + system) per request while this pass ran.
  const cpuUs = ((cpuMilliseconds(job.serverPid) - cpuBefore) * 1000) / result.requests;
  return { ...result, cpuUs, first, sent: source.sent() };
}

async function main() {
  if (job.live !== undefined) {
    const cpuBefore = cpuMilliseconds(job.serverPid);
    const result = await run({
      duration: job.live.seconds,
      requests: [{ setupRequest: (base) => ({ ...base, ...make(nextMobile()) }) }],
    });
    const cpuUs = ((cpuMilliseconds(job.serverPid) - cpuBefore) * 1000) / result.requests;
    const measured = { ...result, cpuUs };
    process.stdout.write(`${JSON.stringify({ measured })}\n`);
    return;
  }
  const warmup = await pooledRun(job.warmupRequests);
  const amount = Math.max(job.connections * 20, Math.round(warmup.rps * job.seconds));
  const measured = await pooledRun(amount);
  const registered = { from: measured.first, count: measured.sent };
  process.stdout.write(`${JSON.stringify({ warmup, measured, registered })}\n`);
}

await main();
