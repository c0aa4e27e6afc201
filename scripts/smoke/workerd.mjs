// `node workerd.mjs <bundle.js>`: runs the bundled smoke worker (worker.mjs) in workerd through
// miniflare, with no compatibility flags (so no nodejs_compat), and prints its results as
// "pass|fail<TAB>detail" lines. WALLET_* of this process's environment become the worker's env.
import { readFileSync } from 'node:fs';
import { Miniflare } from 'miniflare';

const bundle = process.argv[2];
const bindings = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name.startsWith('WALLET_')),
);
const mf = new Miniflare({
  modules: true,
  script: readFileSync(bundle, 'utf8'),
  compatibilityDate: '2025-01-01',
  bindings,
});
try {
  for (const path of ['/exercise', '/merchant']) {
    const response = await mf.dispatchFetch(`http://smoke.test${path}`);
    const text = await response.text();
    let results;
    try {
      results = JSON.parse(text);
    } catch {
      results = [
        { status: 'fail', detail: `${path}: HTTP ${response.status}: ${text.slice(0, 200)}` },
      ];
    }
    for (const { status, detail } of results) console.log(`${status}\t${detail}`);
  }
} finally {
  await mf.dispose();
}
