// The protocol floor of the server benchmark: the least a server can do for a Retrieve Customer
// and still keep the protocol's rules, on bare node:http with no framework. For each request it
// reads the body, verifies the Authorization header (@wallet/hmac), opens the token
// (@wallet/crypto), validates the decrypted request (@wallet/schemas), looks its clientTxnId up
// and stores the answer (a clientTxnId is unique across all APIs and a retry gets the stored
// answer back, so even a read is a write) in SQLite with WAL and synchronous=FULL, committing the
// requests of one event-loop round together (group commit), and answers with a sealed body once
// the COMMIT is done. SQLite through the driver the sandbox picks by default: Node's built-in
// node:sqlite where it is complete (Node 22.16+), better-sqlite3 before.
//
// It is not the sandbox: no customers (every Retrieve answers the same customer), no journal, no
// faults, no rate limit, no dashboard. It measures what the protocol itself costs on this machine,
// which bounds what any implementation of it could reach.
//
// Usage: node protocol-floor-server.mjs MERCHANT_JSON DATABASE_PATH. Prints `listening on URL`;
// exits on SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createEnvelope } from '@wallet/crypto';
import { verifyRequest } from '@wallet/hmac';
import { routes, tokenEnvelopeSchema, validateRequest } from '@wallet/schemas';

const [merchantFile, databasePath] = process.argv.slice(2);
const merchant = JSON.parse(readFileSync(merchantFile, 'utf8'));
const envelope = createEnvelope({ key: merchant.encryptionKey });
const route = routes.retrieveCustomer;

const db = await openDatabase(databasePath);
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS answers (
  merchant_key TEXT NOT NULL,
  client_txn_id TEXT NOT NULL,
  request TEXT NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY (merchant_key, client_txn_id)
) STRICT`);
const find = db.prepare(
  'SELECT response FROM answers WHERE merchant_key = ? AND client_txn_id = ?',
);
const insert = db.prepare('INSERT INTO answers VALUES (?, ?, ?, ?)');
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');

/** Answers waiting for the COMMIT of the open group. */
let waiting = [];
/** Whether a group's transaction is open (a request may fail after BEGIN, before it waits). */
let groupOpen = false;

function commitGroup() {
  groupOpen = false;
  commit.run();
  const answered = waiting;
  waiting = [];
  for (const send of answered) send();
}

function answer(res, status, text) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function handle(req, res, body) {
  const verified = await verifyRequest({
    method: req.method,
    headers: req.headers,
    body,
    lookupSalt: async (key) => (key === merchant.merchantKey ? merchant.salt : undefined),
  });
  if (!verified.ok) return answer(res, 401, '{"responseMessage":"UNAUTHORIZED"}');
  const wire = tokenEnvelopeSchema.safeParse(JSON.parse(body.toString('utf8')));
  if (!wire.success) return answer(res, 400, '{"responseCode":"1055"}');
  const request = envelope.open(wire.data.token);
  const checked = validateRequest('retrieveCustomer', request);
  if (!checked.ok) return answer(res, 400, '{"responseCode":"1020"}');
  const { clientTxnId } = checked.value;
  if (!groupOpen) {
    begin.run();
    groupOpen = true;
    setImmediate(commitGroup);
  }
  const stored = find.get(merchant.merchantKey, clientTxnId);
  let response;
  if (stored === undefined) {
    response = JSON.stringify({
      responseCode: '00',
      messageCode: String(route.responseMessageCode),
      clientTxnId,
      responseMessage: 'SUCCESS',
      customerMobile: request.customerMobile,
      firstName: 'Asha',
      lastName: 'Rao',
      walletStatus: 'ACTIVE',
      balance: '0',
    });
    insert.run(merchant.merchantKey, clientTxnId, JSON.stringify(request), response);
  } else {
    response = stored.response;
  }
  const text = JSON.stringify({ result: envelope.seal(JSON.parse(response)) });
  waiting.push(() => answer(res, 200, text));
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks)).catch(() =>
      answer(res, 500, '{"responseCode":"1052"}'),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.once('SIGTERM', () =>
  server.close(() => {
    db.close();
    process.exit(0);
  }),
);

/** A connection through node:sqlite (Node 22.16+: DatabaseSync#isTransaction), else better-sqlite3. */
async function openDatabase(path) {
  const sqlite = process.getBuiltinModule?.('node:sqlite');
  if (sqlite !== undefined) {
    const db = new sqlite.DatabaseSync(path);
    if (typeof db.isTransaction === 'boolean') return db;
    db.close();
  }
  const { default: Database } = await import('better-sqlite3');
  return new Database(path);
}
