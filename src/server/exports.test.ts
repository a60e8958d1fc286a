import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { login, testWorld, type TestClient, type TestWorld } from './testing.js';
import { rotaWorkbook, wallRotaPdf } from './exports.js';
import { planGridView } from './planView.js';
import { generateDemo } from '../demo/index.js';
import { generateRota } from '../engine/generate.js';

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('rota exports', () => {
  const ward = generateDemo({ weeks: 12 }).units[0];
  const rota = generateRota(ward.plan, { seconds: 60, seed: 1, maxIterations: 2000 }).plan;
  const view = planGridView(rota, 'full');

  test('Excel: one row per employee, a column per date with the shift codes, week numbers and a legend', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rotaWorkbook(view, ward.name)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Turnus')!;
    assert.match(String(ws.getCell(1, 1).value), /Solsiden sykehjem 2\. etg: turnus 04\.01\.2027–28\.03\.2027/);
    assert.equal(ws.getCell(2, 4).value, 'Uke 1');
    assert.equal(ws.getCell(3, 4).value, '04.01');
    assert.equal(ws.getCell(5, 1).value, view.employees[0].name);
    // Every assignment of the first employee is in the sheet on its date.
    const first = rota.assignments.filter((a) => a.employee === view.employees[0].id);
    assert.ok(first.length > 0);
    for (const a of first) {
      const col = 4 + view.days.findIndex((d) => d.date === a.date);
      assert.equal(ws.getCell(5, col).value, a.shift);
    }
  });

  test('PDF wall rota: A3 landscape, one page per six weeks, legend and week numbers', async () => {
    const pdf = await wallRotaPdf(view, ward.name, { generatedAt: '2027-01-01' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pageCount(pdf), 2);
    // A3 landscape media box: 1190.55 × 841.89 pt.
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 1190\.55 841\.89\]/);
    const a4 = await wallRotaPdf(view, ward.name, { size: 'A4' });
    assert.match(a4.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});

describe('export routes', () => {
  let w: TestWorld;
  let leaderA: TestClient;
  let employeeB: TestClient;
  before(async () => {
    w = await testWorld();
    [leaderA, employeeB] = await Promise.all([login(w.app, 'leder-a'), login(w.app, 'ansatt-b')]);
  });
  after(async () => {
    await w?.close();
  });

  test('a leader downloads the Excel and PDF rota; another unit’s employee is refused', async () => {
    const xlsx = await leaderA.get(`/api/plans/${w.planA}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const pdf = await leaderA.get(`/api/plans/${w.planA}/export.pdf?size=A4`);
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await employeeB.get(`/api/plans/${w.planA}/export.xlsx`)).status, 403);
    assert.equal((await employeeB.get(`/api/plans/${w.planA}/export.pdf`)).status, 403);
  });
});
