import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledWorker } from './bundle.js';

test('a worker entry is bundled once into plain JavaScript beside node_modules', () => {
  const a = bundledWorker(new URL('./runner.ts', import.meta.url));
  assert.ok(a, 'the bundle is built');
  assert.match(fileURLToPath(a), /node_modules\/\.cache\/bemanna-workers\/runner-[0-9a-f]{16}\.mjs$/);
  assert.equal(bundledWorker(new URL('./runner.ts', import.meta.url)), a, 'built once per process');
  const code = readFileSync(a, 'utf8');
  assert.match(code, /function generateRota/, 'the engine is inside');
  assert.doesNotMatch(code, /from ["']\.{1,2}\//, 'no relative imports are left to resolve');
  assert.doesNotMatch(code, /tsx/, 'no TypeScript loader is needed');
});

test('a module that cannot be built gives null (the caller falls back to the loader)', () => {
  assert.equal(bundledWorker(new URL('./no-such-module.ts', import.meta.url)), null);
});
