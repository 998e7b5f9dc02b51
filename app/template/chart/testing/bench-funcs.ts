// The function map benchmarks render with: the engine's full Sprig + Helm map.
import type { FuncMap } from '../../lang/value.js';
import { helmFunctions } from '../../funcs/index.js';

/** The map to benchmark with, and its name for the printout. */
export async function benchFuncs(): Promise<{ map: FuncMap; name: string }> {
  return { map: helmFunctions({ wrapWarnings: true }), name: 'Sprig 3.3 + Helm (app/template/funcs)' };
}
