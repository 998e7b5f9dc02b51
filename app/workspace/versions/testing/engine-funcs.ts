// Test helper: the engine's registered function map once app/template wires it,
// else a composition of the funcs modules that exist plus the chart-level
// stand-in (include, tpl, toYaml, ...) so the sample charts render today.
import { defaultChartFuncs } from '../../../template/chart/default-funcs.js';
import { minimalHelmFuncs } from '../../../template/chart/testing/minimal-helm-funcs.js';
import { stringFunctions } from '../../../template/funcs/strings.js';
import { listFunctions } from '../../../template/funcs/collections.js';
import { dictFunctions } from '../../../template/funcs/dicts.js';
import { mathFunctions } from '../../../template/funcs/math.js';
import { dataFunctions } from '../../../template/funcs/data.js';
import { regexFunctions } from '../../../template/funcs/regex.js';
import type { FuncMap } from '../../../template/lang/value.js';

/** The function map to render sample charts with in tests and benchmarks. */
export function engineFuncsForTests(): FuncMap {
  try {
    return defaultChartFuncs();
  } catch {
    return { ...stringFunctions, ...listFunctions, ...dictFunctions, ...mathFunctions, ...dataFunctions, ...regexFunctions, ...minimalHelmFuncs };
  }
}
