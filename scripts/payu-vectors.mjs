// Recomputes fixtures/payu-hash-vectors.json (a copy of the shared PayU checkout vectors) with the
// `sha512sum` and `sha256sum` command lines, so the hashes our tests check against come from an
// implementation independent of ours. Each vector's `string` is rebuilt from its fields by the
// table of checkout.md section 1, then hashed by the command line.
//   node scripts/payu-vectors.mjs          rewrite `string` and the hash of every vector
//   node scripts/payu-vectors.mjs --check  fail if the committed file differs from a fresh run
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const target = new URL('../fixtures/payu-hash-vectors.json', import.meta.url);

/** Lowercase hex digest of the UTF-8 bytes of `text` by `sha512sum` or `sha256sum`. */
function sum(command, text) {
  const output = execFileSync(command, ['-'], { input: Buffer.from(text, 'utf8') });
  return output.toString('latin1').split(' ')[0];
}

const field = (fields, name) => fields[name] ?? '';
const udfs = (fields) => [1, 2, 3, 4, 5].map((n) => field(fields, `udf${n}`));

function paymentString(v) {
  const p = v.params;
  const parts = [p.key, p.txnid, p.amount, p.productinfo, p.firstname, p.email, ...udfs(p)];
  const base = `${parts.join('|')}||||||${v.salt}`;
  return v.additional_charges ? `${base}|${v.additional_charges}` : base;
}

function responseString(v) {
  const p = v.params;
  const reversed = [...udfs(p)].reverse();
  const parts = [v.salt, v.status, '', '', '', '', '', ...reversed];
  const base = [...parts, p.email, p.firstname, p.productinfo, p.amount, p.txnid, p.key].join('|');
  const charges = v.additionalCharges ?? v.additional_charges;
  return charges ? `${charges}|${base}` : base;
}

const commandString = (v) => `${v.key}|${v.command}|${v.var1}|${v.salt}`;
const pgLoadString = (v) => {
  const f = v.fields;
  return `${f.clientTxnId}|${f.status}|${f.loadAmount}|${f.accosaRefNo}|${v.salt}`;
};

function recompute(vector) {
  switch (vector.kind) {
    case 'payment':
      return { string: paymentString(vector), algorithm: 'sha512' };
    case 'response':
      return { string: responseString(vector), algorithm: 'sha512' };
    case 'command':
      return { string: commandString(vector), algorithm: 'sha512' };
    case 'pgLoadChecksum':
      return { string: pgLoadString(vector), algorithm: 'sha256' };
    default:
      throw new Error(`unknown vector kind ${vector.kind} in ${vector.name}`);
  }
}

const committed = JSON.parse(readFileSync(target, 'utf8'));
const fresh = {
  ...committed,
  vectors: committed.vectors.map((vector) => {
    const { string, algorithm } = recompute(vector);
    return { ...vector, string, [algorithm]: sum(`${algorithm}sum`, string) };
  }),
};

if (process.argv.includes('--check')) {
  const differing = committed.vectors.filter(
    (vector, i) => JSON.stringify(vector) !== JSON.stringify(fresh.vectors[i]),
  );
  if (differing.length > 0) {
    for (const vector of differing) console.error(`differs: ${vector.name}`);
    console.error(
      'fixtures/payu-hash-vectors.json differs from a fresh sha512sum/sha256sum run: run scripts/payu-vectors.sh',
    );
    process.exit(1);
  }
  console.log(
    `fixtures/payu-hash-vectors.json matches a fresh sha512sum/sha256sum run (${fresh.vectors.length} vectors)`,
  );
} else {
  writeFileSync(target, `${JSON.stringify(fresh, null, 1)}\n`);
  console.log('wrote fixtures/payu-hash-vectors.json');
}
