/** Writes one section of docs/benchmarks.md, keeping the others. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/benchmarks.md';

export function writeSection(title: string, body: string): void {
  const head = '# Benchmarks\n\nMeasured tables, each with the command that produced it and the date. Machine: 2 cores, Node 20.\n';
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : head;
  const marker = `## ${title}\n`;
  const start = text.indexOf(marker);
  let out: string;
  if (start < 0) out = `${text.trimEnd()}\n\n${marker}\n${body.trim()}\n`;
  else {
    const next = text.indexOf('\n## ', start + marker.length);
    out = `${text.slice(0, start)}${marker}\n${body.trim()}\n${next < 0 ? '' : text.slice(next)}`;
  }
  writeFileSync(FILE, out.endsWith('\n') ? out : `${out}\n`);
}
