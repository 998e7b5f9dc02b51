// The named function maps `paver template eval` offers ("sprig", "helm"),
// supplied by app/template/funcs once it exports them.
import type { FuncMap } from '../lang/value.js';
import type { FuncSetProvider } from './evaluate.js';

const providers: Record<string, () => FuncMap> = {};

/** Registers a named function map (called by the funcs module's entry point). */
export function registerFuncSet(name: string, make: () => FuncMap): void {
  providers[name] = make;
}

/** The provider evaluateRequest uses: registered sets by name. */
export const registeredFuncSets: FuncSetProvider = (name) => providers[name]?.();
