// The function map charts render with by default. It is resolved lazily so the
// chart code does not depend on how app/template/funcs assembles Sprig + Helm.
import type { FuncMap } from '../lang/value.js';

let registered: FuncMap | undefined;

/** Installs the engine's full function map (Sprig + Helm's functions). */
export function setDefaultChartFuncs(funcs: FuncMap): void {
  registered = funcs;
}

/** The function map used when a render does not pass its own. */
export function defaultChartFuncs(): FuncMap {
  if (!registered) throw new Error('no template function map registered: call setDefaultChartFuncs or pass options.funcs');
  return registered;
}
