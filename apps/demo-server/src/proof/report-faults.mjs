// Preloaded into the demo server by the proofs (`node --import <this file> dist/main.js ...`): an
// unhandled rejection or an uncaught exception in the server is printed to stderr on one line that
// starts with `wallet-proof fault:`, which the proofs look for and fail on. A rejection is
// reported and the server keeps running; an uncaught exception still ends the process as usual.
const report = (kind, error) => {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wallet-proof fault: ${kind}: ${name}: ${message.replace(/\s+/g, ' ')}\n`);
};
process.on('unhandledRejection', (reason) => report('unhandledRejection', reason));
process.on('uncaughtExceptionMonitor', (error) => report('uncaughtException', error));
