/**
 * Rota exports: Excel (exceljs) and a printable "wall rota" PDF (pdfkit, A3/A4 landscape, one
 * unit, week numbers, legend). Both are built from the same grid view the web app shows, so an
 * employee's export shows exactly what they may see (others' absence only as "absent").
 */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { PlanGridView } from './planView.js';
import { todayInOslo } from './absences.js';

const WEEKDAY_NB = ['ma', 'ti', 'on', 'to', 'fr', 'lø', 'sø'];
const ABSENCE_NB: Record<string, string> = {
  vacation: 'FE',
  parental_leave: 'PERM',
  self_certified: 'SYK',
  doctor_certified: 'SYK',
  sick_child: 'SYK',
  leave: 'PERM',
  course: 'KURS',
  absent: 'FRA',
};

const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Fixed colours per shift category (the web grid uses the same families). */
const CATEGORY_COLOUR: Record<string, string> = { day: 'FFF3C4', middle: 'FFE7B0', evening: 'FFD6E4FF', night: 'FFC9C2F0', long: 'FFC8EBD2', prediction: 'FFB8E6E6' };
const colourOf = (cat: string) => (CATEGORY_COLOUR[cat] ?? 'FFFFFF').slice(-6);

function cellText(view: PlanGridView, e: number, d: number): string {
  const emp = view.employees[e];
  return emp.cells[d] ?? (emp.absences[d] ? (ABSENCE_NB[emp.absences[d]!] ?? 'FRA') : '');
}

export async function rotaWorkbook(view: PlanGridView, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bemanna';
  const ws = wb.addWorksheet('Turnus', { views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true } });
  ws.getCell(1, 1).value = `${unitName}: turnus ${dmy(view.start)}–${dmy(view.end)}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const first = 4;
  ws.getCell(2, 1).value = 'Uke';
  ws.getCell(3, 1).value = 'Dato';
  ws.getCell(4, 1).value = 'Navn';
  ws.getCell(4, 2).value = 'Stilling %';
  ws.getCell(4, 3).value = 'Timer plan / stilling';
  view.days.forEach((day, d) => {
    const col = first + d;
    if (d === 0 || day.weekday === 0) ws.getCell(2, col).value = `Uke ${day.isoWeek}`;
    ws.getCell(3, col).value = ddmm(day.date);
    ws.getCell(4, col).value = WEEKDAY_NB[day.weekday];
    ws.getColumn(col).width = 5;
  });
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 18;
  view.employees.forEach((emp, e) => {
    const r = 5 + e;
    ws.getCell(r, 1).value = emp.name;
    ws.getCell(r, 2).value = emp.positionPercent;
    ws.getCell(r, 3).value = emp.positionHours === null ? `${emp.plannedHours}` : `${emp.plannedHours} / ${Math.round(emp.positionHours * 10) / 10}`;
    view.days.forEach((day, d) => {
      const cell = ws.getCell(r, first + d);
      cell.value = cellText(view, e, d);
      cell.alignment = { horizontal: 'center' };
      const code = emp.cells[d];
      const st = code ? view.shiftTypes.find((s) => s.code === code) : undefined;
      const fill = st ? colourOf(st.category) : day.red || day.weekend ? 'EEEEEE' : null;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
    });
  });
  const legendRow = 7 + view.employees.length;
  ws.getCell(legendRow, 1).value = 'Forklaring';
  ws.getCell(legendRow, 1).font = { bold: true };
  view.shiftTypes.forEach((s, i) => {
    ws.getCell(legendRow + 1 + i, 1).value = `${s.code} – ${s.name}, ${s.start}–${s.end} (${s.hours} t)`;
  });
  ws.getCell(legendRow + 1 + view.shiftTypes.length, 1).value = 'FE ferie · SYK sykefravær · PERM permisjon · FRA fravær · grå: helg og helligdag';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface PdfOptions {
  size?: 'A3' | 'A4';
  /** Days per page (default 42 = 6 weeks). */
  daysPerPage?: number;
  generatedAt?: string;
}

export function wallRotaPdf(view: PlanGridView, unitName: string, opts: PdfOptions = {}): Promise<Buffer> {
  const size = opts.size ?? 'A3';
  const per = opts.daysPerPage ?? 42;
  const doc = new PDFDocument({ size, layout: 'landscape', margin: 28, info: { Title: `Turnus ${unitName}`, Author: 'Bemanna' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const pageW = doc.page.width - 56;
  const nameW = 130;
  const hoursW = 60;
  for (let from = 0; from < view.days.length; from += per) {
    if (from > 0) doc.addPage();
    const days = view.days.slice(from, from + per);
    const colW = (pageW - nameW - hoursW) / days.length;
    const rowH = Math.min(16, (doc.page.height - 56 - 120) / Math.max(1, view.employees.length));
    const font = Math.max(5, Math.min(8, colW * 0.45));
    let y = 28;
    doc.font('Helvetica-Bold').fontSize(14).text(`${unitName} – turnus ${dmy(days[0].date)}–${dmy(days[days.length - 1].date)}`, 28, y);
    y += 22;
    doc.fontSize(font).font('Helvetica-Bold');
    days.forEach((day, i) => {
      const x = 28 + nameW + i * colW;
      if (i === 0 || day.weekday === 0) doc.text(`Uke ${day.isoWeek}`, x, y, { width: colW * 7, lineBreak: false });
      if (day.weekend || day.red) doc.rect(x, y + 10, colW, 20 + rowH * view.employees.length).fill('#eeeeee').fillColor('black');
      doc.text(WEEKDAY_NB[day.weekday], x, y + 11, { width: colW, align: 'center', lineBreak: false });
      doc.text(ddmm(day.date), x, y + 20, { width: colW, align: 'center', lineBreak: false });
    });
    doc.text('Timer', 28 + nameW + days.length * colW + 4, y + 20, { width: hoursW, lineBreak: false });
    y += 32;
    doc.font('Helvetica');
    view.employees.forEach((emp, e) => {
      const ry = y + e * rowH;
      doc.text(emp.name, 28, ry + 2, { width: nameW - 4, lineBreak: false, ellipsis: true });
      days.forEach((_day, i) => {
        const d = from + i;
        const x = 28 + nameW + i * colW;
        const code = emp.cells[d];
        const st = code ? view.shiftTypes.find((s) => s.code === code) : undefined;
        if (st) doc.rect(x + 0.5, ry + 0.5, colW - 1, rowH - 1).fill(`#${colourOf(st.category)}`).fillColor('black');
        const t = cellText(view, e, d);
        if (t) {
          // Absence labels longer than a shift code are set smaller so they stay in the cell.
          doc.fontSize(t.length > 3 ? font * 0.75 : font).text(t, x, ry + 2, { width: colW, align: 'center', lineBreak: false });
          doc.fontSize(font);
        }
      });
      const hours = emp.positionHours === null ? `${emp.plannedHours}` : `${emp.plannedHours}/${Math.round(emp.positionHours)}`;
      doc.text(hours, 28 + nameW + days.length * colW + 4, ry + 2, { width: hoursW, lineBreak: false });
      doc.moveTo(28, ry + rowH).lineTo(28 + pageW, ry + rowH).lineWidth(0.2).strokeColor('#bbbbbb').stroke().strokeColor('black');
    });
    y += view.employees.length * rowH + 12;
    doc.font('Helvetica-Bold').fontSize(8).text('Forklaring', 28, y);
    doc.font('Helvetica').fontSize(8);
    const legend = view.shiftTypes.map((s) => `${s.code} ${s.name} ${s.start}–${s.end} (${s.hours} t)`).join('   ·   ');
    doc.text(`${legend}   ·   FE ferie · SYK sykefravær · PERM permisjon · FRA fravær · grått: helg og helligdag`, 28, y + 11, { width: pageW });
    doc.text(`Laget av Bemanna ${opts.generatedAt ?? todayInOslo()} · side ${Math.floor(from / per) + 1} av ${Math.ceil(view.days.length / per)}`, 28, doc.page.height - 40, { width: pageW, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
