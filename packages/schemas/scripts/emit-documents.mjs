// Writes the generated documents next to the build: dist/openapi.json and one JSON Schema per API
// body in dist/json-schema/ (<api>.request.json, <api>.response.json, <api>.params.json).
// Runs after tsup, from the built ESM entry, so the documents are exactly what the package exports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const { buildJsonSchemas, buildOpenApiDocument } = await import(join(dist, 'openapi.js'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const write = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

write(join(dist, 'openapi.json'), buildOpenApiDocument({ version }));
const dir = join(dist, 'json-schema');
mkdirSync(dir, { recursive: true });
let count = 0;
for (const [name, schemas] of Object.entries(buildJsonSchemas())) {
  for (const [kind, schema] of Object.entries(schemas)) {
    write(join(dir, `${name}.${kind}.json`), schema);
    count++;
  }
}
console.log(`wrote dist/openapi.json and ${count} JSON Schemas in dist/json-schema/`);
