import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DesignBuilder, fitNb2 } from './glm.js';
import { Rng } from '../demo/random.js';
import { sampleNb } from './testing.js';

test('NB2 regression recovers known coefficients and dispersion (with offset)', () => {
  const rng = new Rng(11);
  const names = ['(intercept)', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'x'];
  const truth = [-2.2, -0.25, -0.35, -0.4, -0.55, -0.8, -0.6, 0.3];
  const theta = 2.5;
  const b = new DesignBuilder(names);
  const y: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 30_000; i++) {
    const wd = i % 7;
    const x = Math.sin(i / 50);
    const exposure = 10 + (i % 13);
    const row: Array<[number, number]> = [[0, 1], [7, x]];
    if (wd > 0) row.push([wd, 1]);
    b.add(row);
    const eta = truth[0] + (wd > 0 ? truth[wd] : 0) + truth[7] * x + Math.log(exposure);
    y.push(sampleNb(rng, Math.exp(eta), theta));
    off.push(Math.log(exposure));
  }
  const fit = fitNb2(b.build(), y, off);
  assert.ok(fit.converged, 'converged');
  for (let j = 0; j < names.length; j++) {
    const se = Math.sqrt(fit.covariance.get(j, j));
    assert.ok(Math.abs(fit.beta[j] - truth[j]) < 4 * se + 0.01, `${names[j]}: ${fit.beta[j].toFixed(3)} vs ${truth[j]} (se ${se.toFixed(3)})`);
    assert.ok(se < 0.06, `${names[j]} se ${se}`);
  }
  assert.ok(Math.abs(fit.theta - theta) / theta < 0.2, `theta ${fit.theta} vs ${theta}`);
});

test('Poisson data give a very large θ (no spurious over-dispersion)', () => {
  const rng = new Rng(5);
  const b = new DesignBuilder(['(intercept)']);
  const y: number[] = [];
  for (let i = 0; i < 5000; i++) {
    b.add([[0, 1]]);
    y.push(sampleNb(rng, 3, Infinity));
  }
  const fit = fitNb2(b.build(), y, new Float64Array(5000));
  assert.ok(fit.theta > 50, `theta ${fit.theta}`);
  assert.ok(Math.abs(Math.exp(fit.beta[0]) - 3) < 0.1);
});

test('partial pooling shrinks small units toward the common rate, more than large ones, and lowers their error', () => {
  const rng = new Rng(23);
  // 12 units: 4 tiny (2 persons), 4 medium (10), 4 large (40); true log-rate effects ±0.3.
  const sizes = [2, 2, 2, 2, 10, 10, 10, 10, 40, 40, 40, 40];
  const effects = [0.3, -0.3, 0.15, -0.15, 0.3, -0.3, 0.15, -0.15, 0.3, -0.3, 0.15, -0.15];
  const base = Math.log(0.01);
  const names = ['(intercept)', ...sizes.map((_, u) => `unit${u}`)];
  const b = new DesignBuilder(names);
  const y: number[] = [];
  const off: number[] = [];
  for (let u = 0; u < sizes.length; u++) {
    for (let d = 0; d < 365; d++) {
      b.add([
        [0, 1],
        [1 + u, 1],
      ]);
      y.push(sampleNb(rng, sizes[u] * Math.exp(base + effects[u]), Infinity));
      off.push(Math.log(sizes[u]));
    }
  }
  const design = b.build();
  const unitCols = sizes.map((_, u) => 1 + u);
  const pooled = fitNb2(design, y, off, { randomEffects: [{ name: 'unit', cols: unitCols }], theta: Infinity });
  const unpooled = fitNb2(design, y, off, { penalty: Float64Array.from(names.map((_, j) => (j === 0 ? 0 : 1e-8))), theta: Infinity });
  assert.ok(pooled.variances.unit > 0.005 && pooled.variances.unit < 0.5, `σ² = ${pooled.variances.unit}`);
  const grand = pooled.beta[0];
  const logRate = (f: typeof pooled, u: number) => f.beta[0] + f.beta[1 + u];
  const group = (us: number[]) => {
    let shrink = 0;
    let errPooled = 0;
    let errRaw = 0;
    for (const u of us) {
      shrink += Math.abs(logRate(pooled, u) - grand) / Math.max(1e-9, Math.abs(logRate(unpooled, u) - grand));
      errPooled += (logRate(pooled, u) - (base + effects[u])) ** 2;
      errRaw += (logRate(unpooled, u) - (base + effects[u])) ** 2;
    }
    return { shrink: shrink / us.length, errPooled, errRaw };
  };
  const tiny = group([0, 1, 2, 3]);
  const large = group([8, 9, 10, 11]);
  assert.ok(tiny.shrink < 0.75, `tiny units keep ${tiny.shrink.toFixed(2)} of their raw deviation`);
  assert.ok(large.shrink > 0.7, `large units keep ${large.shrink.toFixed(2)}`);
  assert.ok(tiny.shrink < large.shrink - 0.3);
  assert.ok(tiny.errPooled < tiny.errRaw, `pooled error ${tiny.errPooled.toFixed(3)} vs raw ${tiny.errRaw.toFixed(3)}`);
});
