import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above `file` with a node_modules folder (the project's root). */
export function repoRootFrom(file: string): string {
  let dir = dirname(file);
  for (;;) {
    if (existsSync(join(dir, 'node_modules'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no node_modules above ${file}`);
    dir = up;
  }
}
