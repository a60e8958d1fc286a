import { openDatabase } from './db.js';
import { runRepositoryConformance } from './conformance.js';

runRepositoryConformance('PGlite (in memory)', async () => ({ db: await openDatabase({ memory: true }) }));
