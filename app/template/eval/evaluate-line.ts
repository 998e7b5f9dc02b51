// One JSON line in, one JSON line out: the wire loop behind `paver template eval`.
import { evaluateRequest, type EvalRequest, type EvalResponse, type FuncSetProvider } from './evaluate.js';

/** Evaluates one request line; malformed JSON becomes a response with phase "request". */
export function evaluateLine(line: string, funcSets?: FuncSetProvider): string | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  let response: EvalResponse;
  try {
    const req = JSON.parse(text) as EvalRequest;
    if (req === null || typeof req !== 'object' || (req.template === undefined && req.templates === undefined)) {
      response = { output: '', error: 'bad request: "template" or "templates" is required', phase: 'request' as EvalResponse['phase'] };
      if (req && typeof req === 'object' && req.id !== undefined) response = { id: req.id, ...response };
    } else {
      response = evaluateRequest(req, funcSets);
    }
  } catch (e) {
    response = { output: '', error: 'bad request: ' + (e instanceof Error ? e.message : String(e)), phase: 'request' as EvalResponse['phase'] };
  }
  return JSON.stringify(response).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
