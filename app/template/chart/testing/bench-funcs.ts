// Picks the function map for benchmarks: the engine's registered map when the
// funcs package provides one, else the test stand-in (named in the output).
import type { FuncMap } from '../../lang/value.js';
import { minimalHelmFuncs } from './minimal-helm-funcs.js';

/** The map to benchmark with, and its name for the printout. */
export async function benchFuncs(): Promise<{ map: FuncMap; name: string }> {
  return { map: minimalHelmFuncs, name: 'minimal test map (engine map not wired yet)' };
}
