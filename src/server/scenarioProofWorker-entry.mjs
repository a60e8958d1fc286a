// Worker bootstrap: registers the TypeScript loader, then runs the scenario proof worker (scenarioProofWorker.ts).
import { register } from 'tsx/esm/api';
register();
await import('./scenarioProofWorker.ts');
