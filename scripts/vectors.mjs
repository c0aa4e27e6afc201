// Regenerates fixtures/wallet-vectors.json with the `openssl` command line, so the byte-exact
// vectors our tests check against come from an implementation independent of ours.
//   node scripts/vectors.mjs          write the file
//   node scripts/vectors.mjs --check  fail if the committed file differs from a fresh run
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const target = new URL('../fixtures/wallet-vectors.json', import.meta.url);

function openssl(args, input) {
  return execFileSync('openssl', args, { input, maxBuffer: 1 << 24 });
}
const base64 = (bytes) => openssl(['base64', '-A'], bytes).toString('latin1');
const hex = (bytes) => Buffer.from(bytes).toString('hex');

function encrypt(keyHex, ivHex, plaintext) {
  return openssl(
    ['enc', '-aes-192-cbc', '-K', keyHex, '-iv', ivHex],
    Buffer.from(plaintext, 'utf8'),
  );
}
function hmacSha512(salt, message) {
  return openssl(['dgst', '-sha512', '-hmac', salt, '-binary'], Buffer.from(message, 'utf8'));
}
function sha256(bytes) {
  return openssl(['dgst', '-sha256', '-binary'], bytes);
}
function sha512(bytes) {
  return openssl(['dgst', '-sha512', '-binary'], bytes);
}

const envelopeInputs = [
  {
    name: 'register-compact',
    keyHex: '000102030405060708090a0b0c0d0e0f1011121314151617',
    ivHex: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf',
    plaintext:
      '{"messageCode":3510,"clientTxnId":"txn12345","requestDateTime":"20230810123015","customerDetails":{"firstName":"Alice","lastName":"Smith","dateOfBirth":"12-12-2000","mobileNumber":"917001122334"},"kycProfile":150,"riskCategory":"Low","productId":35,"formFactorRequired":true}',
  },
  {
    name: 'retrieve-unicode',
    keyHex: '8f3c2b1a0e9d8c7b6a5948372615f4e3d2c1b0a9f8e7d6c5',
    ivHex: '00000000000000000000000000000000',
    plaintext:
      '{"messageCode":1930,"clientTxnId":"Register_20240408101003","requestDateTime":"20240408101000","customerMobile":"9990099999","customerId":"000000000081","urn":"5","emailId":"zoë.ünïcode@example.com"}',
  },
  {
    name: 'block-aligned-16',
    keyHex: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa9988',
    ivHex: '0f0e0d0c0b0a09080706050403020100',
    plaintext: '{"a":"0123456"}',
  },
  {
    name: 'empty-object',
    keyHex: '5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c',
    ivHex: '36363636363636363636363636363636',
    plaintext: '{}',
  },
];

const signers = [
  {
    name: 'doc-date',
    merchantKey: 'smsplus',
    merchantSalt: 'merchantSalt-Example-01',
    date: 'Thu, 17 Feb 2022 08:17:59 GMT',
  },
  {
    name: 'june-2024',
    merchantKey: 'smsplus',
    merchantSalt: 's3cr3t-ünï-salt',
    date: 'Wed, 12 Jun 2024 08:53:43 GMT',
  },
];

const envelope = envelopeInputs.map((v) => {
  const ciphertext = encrypt(v.keyHex, v.ivHex, v.plaintext);
  return {
    ...v,
    fixedIvToken: base64(ciphertext),
    ivPrefixedToken: base64(Buffer.concat([Buffer.from(v.ivHex, 'hex'), ciphertext])),
  };
});

const hmac = signers.map((s) => {
  const signingString = `date: ${s.date}`;
  const mac = hmacSha512(s.merchantSalt, signingString);
  return {
    ...s,
    signingString,
    signatureHex: hex(mac),
    signatureBase64: base64(mac),
    authorization: `hmac username="${s.merchantKey}", algorithm="sha512", headers="date", signature="${hex(mac)}"`,
  };
});

// The signed body is the wire request of the first envelope vector.
const body = JSON.stringify({ token: envelope[0].fixedIvToken });
const digestHeader = `SHA-256=${base64(sha256(Buffer.from(body, 'utf8')))}`;

const digest = signers.map((s) => {
  const signingString = `date: ${s.date}\ndigest: ${digestHeader}`;
  return {
    name: s.name,
    body,
    digestHeader,
    signingString,
    merchantSalt: s.merchantSalt,
    signatureHex: hex(hmacSha512(s.merchantSalt, signingString)),
  };
});

const payuV2 = signers.map((s) => {
  const hashInput = `${body}|${s.date}|${s.merchantSalt}`;
  return {
    name: s.name,
    body,
    date: s.date,
    merchantSalt: s.merchantSalt,
    hashInput,
    signatureHex: hex(sha512(Buffer.from(hashInput, 'utf8'))),
  };
});

const document = {
  generatedWith:
    'openssl CLI (enc -aes-192-cbc, dgst -sha512 -hmac, dgst -sha256 -binary, dgst -sha512)',
  envelope,
  hmac,
  digest,
  payuV2,
};
const text = `${JSON.stringify(document, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (JSON.stringify(JSON.parse(committed)) !== JSON.stringify(document)) {
    console.error(
      'fixtures/wallet-vectors.json differs from a fresh openssl run: run scripts/vectors.sh',
    );
    process.exit(1);
  }
  console.log('fixtures/wallet-vectors.json matches a fresh openssl run');
} else {
  writeFileSync(target, text);
  console.log('wrote fixtures/wallet-vectors.json');
}
