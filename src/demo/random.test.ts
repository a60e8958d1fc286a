import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, hashString } from './random.js';

test('the PRNG is deterministic and forks are independent of the parent stream', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const xs = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => new Rng(43).next()));
  const before = new Rng(1).fork('x').next();
  const r = new Rng(1);
  r.next();
  assert.equal(r.fork('x').next(), before, 'a fork depends on the seed and label only');
  assert.notEqual(new Rng(1).fork('y').next(), before);
  assert.notEqual(hashString('a', 1), hashString('b', 1));
});

test('distributions: ranges and moments', () => {
  const r = new Rng(7);
  let sum = 0;
  let gsum = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const u = r.next();
    assert.ok(u >= 0 && u < 1);
    const k = r.int(3, 5);
    assert.ok(k >= 3 && k <= 5 && Number.isInteger(k));
    sum += u;
    gsum += r.gamma(0.6, 1 / 0.6);
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.01);
  assert.ok(Math.abs(gsum / n - 1) < 0.05, `gamma mean ${gsum / n}`);
  const cdf = [0, 0, 0.5, 1];
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 4000; i++) counts[r.fromCdf(cdf)]++;
  assert.equal(counts[0] + counts[1], 0);
  assert.ok(Math.abs(counts[2] - 2000) < 200);
  assert.deepEqual(r.shuffle([1, 2, 3, 4]).sort(), [1, 2, 3, 4]);
});
