// What the smoke test does with each installed package, shared by check.mjs (ESM), check.cjs
// (CJS) and worker.mjs (workerd) so every runtime and module system faces the same assertions.
// Runs inside the scratch project, next to a copy of fixtures/wallet-vectors.json. Uses nothing
// of Node (a worker without nodejs_compat runs it too). Each exerciser throws on the first wrong
// answer and returns a one-line description of what it proved.
'use strict';

const vectors = require('./wallet-vectors.json');

class SmokeAssertionError extends Error {}

// The few assertions the exercisers need, without node:assert.
const assert = {
  ok(value, message) {
    if (!value) throw new SmokeAssertionError(message);
  },
  equal(actual, expected, message) {
    if (actual !== expected) {
      throw new SmokeAssertionError(`${message ?? 'equal'}: got ${String(actual)}`);
    }
  },
  notEqual(actual, unexpected, message) {
    if (actual === unexpected) throw new SmokeAssertionError(`${message ?? 'notEqual'}`);
  },
  // Plain JSON values only, which is all the exercisers compare.
  deepEqual(actual, expected, message) {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new SmokeAssertionError(`${message ?? 'deepEqual'}: got ${JSON.stringify(actual)}`);
    }
  },
  match(text, pattern, message) {
    if (typeof text !== 'string' || !pattern.test(text)) throw new SmokeAssertionError(message);
  },
};

function rejects(fn, ErrorClass, code) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ErrorClass && error.code === code, `throws ${code}`);
    return;
  }
  throw new SmokeAssertionError(`expected ${code}, nothing was thrown`);
}

const exercisers = {
  '@wallet/crypto'(m) {
    for (const name of ['createEnvelope', 'generateKey']) {
      assert.equal(typeof m[name], 'function', `${name} is exported`);
    }
    const key = m.generateKey();
    assert.match(key, /^[0-9a-f]{48}$/, 'generateKey() gives 48 hex characters');
    const envelope = m.createEnvelope({ key });
    const value = { messageCode: 3510, clientTxnId: 'smoke-1', note: 'zoë' };
    const token = envelope.seal(value);
    assert.deepEqual(envelope.open(token), value, 'open(seal(x)) is x');
    assert.notEqual(envelope.seal(value), token, 'the default IV is fresh per message');

    for (const vector of vectors.envelope) {
      const fixed = m.createEnvelope({ key: vector.keyHex, iv: { fixed: vector.ivHex } });
      assert.equal(fixed.seal(JSON.parse(vector.plaintext)), vector.fixedIvToken, vector.name);
      const prefix = m.createEnvelope({ key: vector.keyHex });
      assert.deepEqual(prefix.open(vector.ivPrefixedToken), JSON.parse(vector.plaintext));
    }
    rejects(() => envelope.open('bm90IGEgdG9rZW4='), m.EnvelopeError, 'ENVELOPE_UNREADABLE');
    rejects(() => m.createEnvelope({ key: 'too short' }), m.WalletKeyError, 'INVALID_KEY');
    return `sealed and opened; ${vectors.envelope.length} openssl vectors byte-exact`;
  },

  async '@wallet/hmac'(m) {
    for (const name of [
      'signRequest',
      'verifyRequest',
      'parseAuthorization',
      'formatHttpDate',
      'computeDigest',
    ]) {
      assert.equal(typeof m[name], 'function', `${name} is exported`);
    }
    for (const vector of vectors.hmac) {
      const { merchantKey, merchantSalt, date } = vector;
      const headers = m.signRequest({ merchantKey, merchantSalt, date });
      assert.equal(headers.authorization, vector.authorization, vector.name);
      assert.equal(m.formatHttpDate(new Date(date)), date);
      assert.equal(m.parseAuthorization(headers.authorization).username, merchantKey);
      const verify = (authorization) =>
        m.verifyRequest({
          headers: { date, authorization },
          lookupSalt: (key) => (key === merchantKey ? merchantSalt : undefined),
          now: new Date(date),
        });
      const good = await verify(headers.authorization);
      assert.equal(good.ok, true, `${vector.name}: a signed request verifies`);
      const flipped = headers.authorization.replace(
        /signature="(.)/,
        (_, c) => `signature="${c === '0' ? '1' : '0'}`,
      );
      const bad = await verify(flipped);
      assert.deepEqual(bad, { ok: false, reason: 'bad-signature' }, 'a tampered one does not');
    }
    for (const vector of vectors.digest) {
      assert.equal(m.computeDigest(vector.body), vector.digestHeader, vector.name);
    }
    return `signed and verified; ${vectors.hmac.length} HMAC and ${vectors.digest.length} digest vectors exact`;
  },

  '@wallet/schemas'(m) {
    assert.equal(typeof m.validateRequest, 'function', 'validateRequest is exported');
    const sample = vectors.envelope.find((v) => v.name === 'register-compact');
    const body = JSON.parse(sample.plaintext);
    assert.equal(m.validateRequest('registerCustomer', body).ok, true, 'the sample registers');
    const { clientTxnId, ...missing } = body;
    const refused = m.validateRequest('registerCustomer', missing);
    assert.equal(refused.ok, false, 'a body without clientTxnId is refused');
    assert.match(m.newClientTxnId(), /^[0-9a-f]{32}$/, 'newClientTxnId() gives 32 hex characters');
    return 'validated the register sample and refused it without clientTxnId; made a clientTxnId';
  },

  '@wallet/client'(m) {
    assert.equal(typeof m.createWalletClient, 'function', 'createWalletClient is exported');
    return 'createWalletClient is a function';
  },

  '@wallet/sandbox'(m) {
    assert.equal(typeof m.createSandbox, 'function', 'createSandbox is exported');
    return 'createSandbox is a function';
  },
};

/** Exercises one package; a package without its own exerciser must at least export something. */
async function exercise(name, m) {
  const exports = Object.keys(m).filter((key) => key !== 'default' && key !== '__esModule');
  assert.ok(exports.length > 0, `${name} exports nothing`);
  for (const key of exports) assert.notEqual(m[key], undefined, `${name}.${key} is undefined`);
  const own = exercisers[name];
  const detail = own ? await own(m) : 'loads';
  return `${exports.length} exports, ${detail}`;
}

module.exports = { assert, exercise };
