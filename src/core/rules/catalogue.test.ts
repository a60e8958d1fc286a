import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CATALOGUE } from './catalogue.js';

test('every rule in the catalogue has a unique id and golden tests that name it', () => {
  const ids = CATALOGUE.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  const tests = readdirSync('src/core/rules')
    .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
    .map((f) => readFileSync(`src/core/rules/${f}`, 'utf8'))
    .join('\n');
  for (const id of ids) assert.ok(tests.includes(`'${id}'`), `no test names ${id}`);
});

test('every rule carries a bokmål and an English title and a legal or agreement source', () => {
  for (const r of CATALOGUE) {
    assert.ok(r.titleNb.length > 3 && r.titleEn.length > 3, r.id);
    assert.ok(typeof r.reference === 'function' || r.reference.length > 3, r.id);
  }
});
