// ESM half of the smoke test: `node check.mjs <package name>...` (or `bun check.mjs`, `deno run
// check.mjs`) imports each package by name from the scratch project, with the runtime's own
// resolution, and prints "pass|fail<TAB>import '<name>': <detail>" per package.
import exerciseModule from './exercise.cjs';

const { exercise } = exerciseModule;

for (const name of process.argv.slice(2)) {
  try {
    const detail = await exercise(name, await import(name));
    console.log(`pass\timport '${name}': ${detail}`);
  } catch (error) {
    console.error(error);
    console.log(`fail\timport '${name}': ${error.message.split('\n')[0]}`);
  }
}
