// The load side of the server benchmark, run in its own process (and on its own core):
//   node load-generator.mjs <job.json>
// Pre-generates a pool of real requests (sealed, signed with a fresh date, a unique clientTxnId each,
// a unique mobile number for Register Customer, a unique txnid for a seamless payment), then has
// autocannon send each exactly once through `setupRequest`, so that the generator does no crypto
// while the clock runs. A warm-up pass comes first; its rate sizes the measured pass to about
// `seconds`. With `exact: N` (the setup of the payments: registering and funding their wallets)
// there is one pass of N requests and no warm-up. In `live` mode (the soak) requests are built as
// they are sent instead, so that dates stay fresh for any duration.
// Prints one JSON line: { warmup, measured, registered } (`registered`: the range of mobile numbers,
// or of payment txnids, the measured pass used, `{ from, count }`). Each pass counts in `succeeded`
// the answers that say the work was done (a payment's `success`, a `verify_payment` that found it).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cpuMilliseconds } from './processes.mjs';
import {
  mobileNumbers,
  payerFieldsOf,
  paymentTxnids,
  requestFactory,
  seamlessPaymentFactory,
  verifyPaymentFactory,
} from './requests.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const mobile = mobileNumbers(job.mobilePrefix);
const txnid = paymentTxnids(job.mobilePrefix);

/** APIs whose requests each take a fresh number (mobile or txnid) instead of cycling a range. */
const FRESH = new Set(['registerCustomer', 'payerRegister', 'payerFund', 'seamlessPayment']);
/** What an answer of the API holds when the work was done. */
const SUCCESS_MARK = {
  seamlessPayment: '"status":"success"',
  verifyPayment: '"status":1,',
};

let fresh = job.mobiles.from; // the next number's index
/** The next number's index: fresh ones for the FRESH APIs, the range of `job.mobiles` cycled else. */
function nextIndex() {
  if (FRESH.has(job.api)) return fresh++;
  return job.mobiles.from + ((fresh++ - job.mobiles.from) % job.mobiles.count);
}

/** The wallet APIs' request of the customer number `index`. */
function byMobile(make) {
  return (index) => make(mobile(index));
}

/** The request of number `index` of the job's API (a promise for the gateway's, built by the SDK). */
function requestMaker() {
  switch (job.api) {
    // The floor answers any route: it gets Retrieve Customer requests, so the generator's work per
    // request is the same as against the sandbox.
    case 'floor':
      return byMobile(requestFactory(job.merchant, 'retrieveCustomer'));
    case 'payerRegister':
      return byMobile(
        requestFactory(job.merchant, 'registerCustomer', payerFieldsOf.registerCustomer),
      );
    case 'payerFund':
      return byMobile(requestFactory(job.merchant, 'load', payerFieldsOf.load));
    case 'seamlessPayment': {
      const pay = seamlessPaymentFactory(job.merchant);
      const { from, count } = job.payers;
      return (index) => pay({ txnid: txnid(index), customerId: mobile(from + (index % count)) });
    }
    case 'verifyPayment': {
      const verify = verifyPaymentFactory(job.merchant);
      return (index) => verify(txnid(index));
    }
    default:
      return byMobile(requestFactory(job.merchant, job.api));
  }
}
const makeRequest = requestMaker();

async function pool(size) {
  const requests = [];
  for (let i = 0; i < size; i++) requests.push(await makeRequest(nextIndex()));
  return requests;
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
    succeeded: timing.succeeded,
  };
}

/** Runs autocannon; resolves with its result and the times of the first request and last answer. */
function run(options) {
  const timing = { first: Number.NaN, last: Number.NaN, succeeded: 0 };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        timeout: 30,
        ...options,
        requests: options.requests.map((request) => counting(request, timing)),
      },
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

/** Counts in `timing.succeeded` the answers that hold the API's SUCCESS_MARK, when it has one. */
function counting(request, timing) {
  const mark = SUCCESS_MARK[job.api];
  if (mark === undefined) return request;
  return {
    ...request,
    onResponse: (status, body) => {
      if (status === 200 && body.includes(mark)) timing.succeeded++;
    },
  };
}

async function pooledRun(amount) {
  const first = fresh;
  // Spare requests, in case a connection builds more than it sends.
  const requests = await pool(amount + job.connections);
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
      requests: [{ setupRequest: (base) => ({ ...base, ...makeRequest(nextIndex()) }) }],
    });
    const cpuUs = ((cpuMilliseconds(job.serverPid) - cpuBefore) * 1000) / result.requests;
    const measured = { ...result, cpuUs };
    process.stdout.write(`${JSON.stringify({ measured })}\n`);
    return;
  }
  if (job.exact !== undefined) {
    const measured = await pooledRun(job.exact);
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
