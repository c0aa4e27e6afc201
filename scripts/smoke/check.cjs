// CJS half of the smoke test: `node check.cjs <package name>...` require()s each package by name
// from the scratch project and prints "pass|fail<TAB>cjs <name>: <detail>" per package.
'use strict';

const { exercise } = require('./exercise.cjs');

async function main() {
  for (const name of process.argv.slice(2)) {
    try {
      const detail = await exercise(name, require(name));
      console.log(`pass\trequire('${name}'): ${detail}`);
    } catch (error) {
      console.error(error);
      console.log(`fail\trequire('${name}'): ${error.message.split('\n')[0]}`);
    }
  }
}

main();
