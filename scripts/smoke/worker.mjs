// The smoke test as a Cloudflare Worker (bundled by smoke-pack.sh with esbuild and the `workerd`
// condition, run by workerd.mjs through miniflare without nodejs_compat). GET /exercise uses each
// client-side package as exercise.cjs does elsewhere; GET /merchant runs the merchant flow against the sandbox
// named by the worker's env. Each answers {"status": "pass"|"fail", "detail": "..."}[].
import { createWalletClient } from '@wallet/client';
import exerciseModule from './exercise.cjs';
import { merchantFlow } from './merchant-flow.mjs';
// Written by smoke-pack.sh: every client-side package, imported by name.
import packages from './worker-packages.mjs';

const { exercise } = exerciseModule;

async function result(label, run) {
  try {
    return { status: 'pass', detail: `${label}: ${await run()}` };
  } catch (error) {
    return { status: 'fail', detail: `${label}: ${String(error?.message).split('\n')[0]}` };
  }
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === '/exercise') {
      const results = [];
      for (const [name, module] of Object.entries(packages)) {
        results.push(await result(`import '${name}'`, () => exercise(name, module)));
      }
      return Response.json(results);
    }
    if (pathname === '/merchant') {
      const wallet = createWalletClient.fromEnv(env, { retries: 0 });
      return Response.json([
        await result('register, load, retrieve', () => merchantFlow(wallet, 'workerd')),
      ]);
    }
    return new Response('not found', { status: 404 });
  },
};
