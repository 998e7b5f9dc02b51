// The Sprig 3.3 and Helm function maps for app/template (issue 3).
//
// @example
//   import { helmFunctions } from '../funcs/index.js';
//   const set = new TemplateSet({ funcs: helmFunctions({ wrapWarnings: true }) });
//   set.execute('chart/templates/x.yaml', data, { helm: true, host: { clock, crypto } });
import type { FuncMap } from '../lang/value.js';
import { registerFuncSet } from '../eval/func-sets.js';
import { setDefaultChartFuncs } from '../chart/default-funcs.js';
import { listFunctions } from './collections.js';
import { cryptoFunctions } from './crypto.js';
import { dataFunctions } from './data.js';
import { dateFunctions } from './dates.js';
import { dictFunctions } from './dicts.js';
import { helmOnlyFunctions, type HelmFunctionOptions } from './helm.js';
import { mathFunctions } from './math.js';
import { pathFunctions } from './paths.js';
import { regexFunctions } from './regex.js';
import type { TemplateHost } from './host.js';
import { define, fail } from './support.js';
import { semverCompare, SemverVersion } from './semver.js';
import { stringFunctions } from './strings.js';

export type { HelmFunctionOptions } from './helm.js';
export type {
  TemplateHost, TemplateClock, TemplateCryptoProvider, CertificateRequest, PrivateKeyType, ClusterLookup,
} from './host.js';
export { toYaml, toYamlPretty, marshalYamlV2 } from './yaml/to-yaml.js';
export { parseYamlLikeHelm } from './yaml/from-yaml.js';
export { naturalLess, naturalSort } from './yaml/natural-sort.js';
export { marshalJson, type JsonConvertible } from './go-json.js';
export { SemverVersion, semverCompare } from './semver.js';
export { GoTime } from './go-time.js';
export { INCLUDE_NESTING_LIMIT } from './helm.js';

const semverFunctions: FuncMap = {
  semver: define(['string'], ([v]) => SemverVersion.parse(v as string)),
  semverCompare: define(['string', 'string'], ([c, v]) => semverCompare(c as string, v as string)),
};

/** Sprig 3.3's TxtFuncMap without env/expandenv (what Helm starts from). */
export const sprigFunctions: FuncMap = Object.freeze({
  ...stringFunctions,
  ...mathFunctions,
  ...listFunctions,
  ...dictFunctions,
  ...dataFunctions,
  ...pathFunctions,
  ...regexFunctions,
  ...semverFunctions,
  ...dateFunctions,
  ...cryptoFunctions,
  // Sprig resolves through DNS; here only through an injected resolver (Helm's map decides by --enable-dns).
  getHostByName: define(['string'], ([name], ctx) => (ctx.host as TemplateHost | undefined)?.resolveHost?.(name as string) ?? ''),
  fail: define(['string'], ([message]) => fail(message as string)),
}) as FuncMap;

/** Helm's full function map: Sprig plus Helm's functions and overrides (include, tpl, required, fail, toYaml, lookup...). */
export function helmFunctions(options: HelmFunctionOptions = {}): FuncMap {
  const helm = helmOnlyFunctions(options);
  return { ...sprigFunctions, ...helm, fail: helm.fail };
}

/** Registers the maps with `paver template eval` ("sprig", "helm") and as the chart renderer's default. */
export function registerTemplateFunctions(): void {
  registerFuncSet('sprig', () => sprigFunctions);
  registerFuncSet('helm', () => helmFunctions());
  setDefaultChartFuncs(helmFunctions({ wrapWarnings: true, rootTemplateName: 'gotpl' }));
}

registerTemplateFunctions();
