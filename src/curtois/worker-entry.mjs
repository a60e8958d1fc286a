// Worker bootstrap: registers the TypeScript loader, then runs the Curtois worker (worker.ts).
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
