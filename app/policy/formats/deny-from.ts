// `paver.dev/deny-from: "<date>"` on a binding or constraint whose action is
// Warn: from that date on, the warning is a denial.
import { parseAsOf } from '../k8s/admission-facts.js';
import type { FieldProblem } from '../engine/resource-rules.js';
import type { KubeObject } from '../types.js';

export const denyFromAnnotation = 'paver.dev/deny-from';

/** Reads the escalation date as epoch ms, recording a problem when it is not a date. */
export function readDenyFrom(object: KubeObject, problems: FieldProblem[]): number | undefined {
  const text = object.metadata?.annotations?.[denyFromAnnotation];
  if (text === undefined) return undefined;
  const ms = parseAsOf(String(text));
  if (ms === undefined) problems.push({ field: `metadata.annotations["${denyFromAnnotation}"]`, message: `${JSON.stringify(text)} is not a date; write YYYY-MM-DD` });
  return ms;
}
