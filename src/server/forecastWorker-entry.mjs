// Worker bootstrap: registers the TypeScript loader, then runs the forecast worker (forecastWorker.ts).
import { register } from 'tsx/esm/api';
register();
await import('./forecastWorker.ts');
