import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, violationsOf } from './testkit.js';

test('WISH-01: met and unmet wishes, with the fulfilment share', () => {
  const p = plan({
    wishes: [
      { employee: 'e1', date: '2027-01-04', shift: 'D', kind: 'want', weight: 2 },
      { employee: 'e1', date: '2027-01-05', shift: null, kind: 'want', weight: 1 },
      { employee: 'e1', date: '2027-01-06', shift: 'N', kind: 'avoid', weight: 1 },
    ],
    rows: [['e1', '2027-01-04', 'D'], ['e1', '2027-01-05', 'K'], ['e1', '2027-01-06', 'D']],
  });
  const v = violationsOf(p, 'WISH-01');
  assert.equal(v.length, 1);
  assert.equal(v[0].measured, 75);
  assert.deepEqual(v[0].dates, ['2027-01-05']);
  assert.equal(v[0].severity, 'soft');
});

test('WISH-01: the penalty favours the worst-off (two people each half met cost less than one with none met)', async () => {
  const { buildContext } = await import('../eval/context.js');
  const { ScoreDirector } = await import('../eval/score.js');
  const employees = [
    { id: 'a', name: 'A', competence: 'sykepleier', positionPercent: 50 },
    { id: 'b', name: 'B', competence: 'sykepleier', positionPercent: 50 },
  ];
  const wishes = ['a', 'b'].flatMap((e) => [
    { employee: e, date: '2027-01-04', shift: null, kind: 'want' as const, weight: 1 },
    { employee: e, date: '2027-01-05', shift: null, kind: 'want' as const, weight: 1 },
  ]);
  const ctx = buildContext(plan({ employees, wishes, rules: { weights: { 'TAR-04': 0 } } }));
  const fair = new ScoreDirector(ctx);
  fair.setMany([[0, 0, 0], [1, 1, 0]]);
  const unfair = new ScoreDirector(ctx);
  unfair.setMany([[0, 0, 0], [0, 1, 0]]);
  const wishPart = (sd: InstanceType<typeof ScoreDirector>) => sd.rawViolations().filter((x) => x.rule === 'WISH-01').reduce((s, x) => s + x.penalty, 0);
  assert.ok(wishPart(fair) < wishPart(unfair));
});
