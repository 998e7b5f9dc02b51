// Development bootstrap for the status worker: worker threads do not inherit
// tsx's loader from `node --import tsx` or vitest, so register it here before
// loading the TypeScript entry. Built apps load status-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./status-worker.ts');
