/** File and console I/O shared by the CLI commands. */
import { readFileSync } from 'node:fs';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function readJsonFile(file: string, io: Io): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`${file}: kan ikke lese filen / cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` (linje ${line}, kolonne ${col})`;
    }
    io.err(`${file}${where}: ugyldig JSON / invalid JSON: ${msg}`);
    return { ok: false };
  }
}

