// `npm run docs`: write the reference pages generated from the code (docs/problems.md from the problem
// catalogue, docs/content-keys.md from the content schemas). test/reference-docs.test.ts fails when the
// committed pages differ from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentKeysReference, problemsReference } from '../dist/reference-docs.js';

const docs = (name) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
writeFileSync(docs('problems.md'), problemsReference());
writeFileSync(docs('content-keys.md'), contentKeysReference());
console.log('wrote docs/problems.md and docs/content-keys.md');
