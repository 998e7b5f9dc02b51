// Development bootstrap: worker threads do not inherit tsx's loader, so register
// it before loading the TypeScript entry. Builds load service-render-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./service-render-worker.ts');
