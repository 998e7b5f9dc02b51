// The `paver template eval` request format (the Go oracle's, see
// ../../../../shared/oracle/README.md): one JSON request in, one response out.
import { GoTemplateError } from '../../errors/go-template-error.js';
import { TemplateSet } from '../lang/engine.js';
import { GoObject, type FuncMap, type GoMap, type MissingKeyMode, type Value } from '../lang/value.js';
import { gotestDataFuncs, gotestFuncs } from './gotest-funcs.js';

/** One evaluation request (field names as the oracle reads them). */
export interface EvalRequest {
  id?: unknown;
  template?: string;
  templates?: { name: string; template: string }[];
  name?: string;
  exec?: string;
  data?: unknown;
  numbers?: 'float64' | 'int' | 'number';
  missingkey?: MissingKeyMode;
  helm?: boolean;
  delims?: [string, string];
  funcs?: string;
}

/** One evaluation response. */
export interface EvalResponse {
  id?: unknown;
  output: string;
  error: string;
  phase: '' | 'parse' | 'exec' | 'data';
}

/** Provides a named function map ("sprig", "helm") for a set being built. */
export type FuncSetProvider = (name: string) => FuncMap | undefined;

/** json.Number: a string-kind Go value that prints its literal text. */
class JsonNumber extends GoObject {
  readonly goType = 'json.Number';
  readonly goKind = 'string' as const;
  constructor(readonly text: string) {
    super();
  }
  override goString(): string {
    return this.text;
  }
  override goTruth(): boolean {
    return this.text.length > 0;
  }
  override goWithString(text: string): Value {
    return new JsonNumber(text);
  }
}

/** Converts decoded JSON to Go values per the oracle's `numbers` mode. */
export function convertJsonData(v: unknown, mode: EvalRequest['numbers']): Value {
  if (typeof v === 'number') {
    if (mode === 'int') return Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 2 ** 63 ? BigInt(v) : v;
    if (mode === 'number') return new JsonNumber(String(v));
    return v;
  }
  if (Array.isArray(v)) return v.map((e) => convertJsonData(e, mode));
  if (v !== null && typeof v === 'object') {
    const m: GoMap = {};
    for (const [k, e] of Object.entries(v)) m[k] = convertJsonData(e, mode);
    return m;
  }
  return v as Value;
}

/** Evaluates one request like the Go oracle does. */
export function evaluateRequest(req: EvalRequest, funcSets: FuncSetProvider = () => undefined): EvalResponse {
  const resp: EvalResponse = req.id !== undefined ? { id: req.id, output: '', error: '', phase: '' } : { output: '', error: '', phase: '' };
  let data = req.data === undefined || req.data === null ? undefined : convertJsonData(req.data, req.numbers ?? 'float64');
  let funcs: FuncMap = {};
  const funcsName = req.funcs ?? '';
  if (funcsName === 'gotest') {
    funcs = gotestFuncs();
    if (data !== null && typeof data === 'object' && !Array.isArray(data) && !(data instanceof GoObject)) {
      const m = data as GoMap;
      for (const [k, f] of Object.entries(gotestDataFuncs())) if (!Object.hasOwn(m, k)) m[k] = f;
      data = m;
    }
  } else if (funcsName !== '' && funcsName !== 'none') {
    const provided = funcSets(funcsName);
    if (provided === undefined) {
      resp.error = 'oracle: unknown funcs set ' + funcsName;
      resp.phase = 'data';
      return resp;
    }
    funcs = provided;
  }
  const name = req.name || 'main';
  const set = new TemplateSet({ name, funcs, delims: req.delims && req.delims.length === 2 ? req.delims : undefined });
  const missingKey = req.missingkey ?? (req.helm ? 'zero' : undefined);
  try {
    for (const t of req.templates ?? []) set.parse(t.name, t.template);
    if (req.template !== undefined) set.parse(name, req.template);
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    resp.error = e.message;
    resp.phase = 'parse';
    return resp;
  }
  try {
    resp.output = set.execute(req.exec || name, data, { missingKey, helm: req.helm === true });
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    resp.output = (e as { partialOutput?: string }).partialOutput ?? '';
    resp.error = e.message;
    resp.phase = 'exec';
  }
  return resp;
}
