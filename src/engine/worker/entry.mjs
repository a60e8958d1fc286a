// Worker bootstrap: registers the TypeScript loader, then runs the worker (runner.ts).
import { register } from 'tsx/esm/api';
register();
await import('./runner.ts');
