// Label selectors in the query-string syntax (`a=b,c!=d,e in (f,g),!h`) and
// in the structured form (matchLabels/matchExpressions) used by workloads.
import { badRequest } from '../api/status-error.js';

/** One parsed requirement. */
export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A predicate over an object's labels. */
export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) { parts.push(current); current = ''; } else current += char;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Parses `labelSelector` query syntax into requirements; bad syntax is a 400. */
export function parseLabelSelector(text: string): Requirement[] {
  return splitTopLevel(text).map((part) => {
    let match = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (match) {
      const values = match[3]!.split(',').map((v) => v.trim()).filter(Boolean);
      return { key: match[1]!, operator: match[2] === 'in' ? 'In' : 'NotIn', values };
    }
    match = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/.exec(part);
    if (match) return { key: match[1]!, operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]!] };
    match = /^!\s*([^\s!=()]+)$/.exec(part);
    if (match) return { key: match[1]!, operator: 'DoesNotExist', values: [] };
    match = /^([^\s!=()]+)$/.exec(part);
    if (match) return { key: match[1]!, operator: 'Exists', values: [] };
    throw badRequest(`unable to parse requirement: ${JSON.stringify(part)}: found unexpected token`);
  });
}

/** Builds a matcher from requirements (all must hold). */
export function matcherFor(requirements: Requirement[]): LabelMatcher {
  return (labels) => requirements.every((r) => {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In': return has && r.values.includes(labels![r.key]!);
      case 'NotIn': return !has || !r.values.includes(labels![r.key]!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
  });
}

/** A structured selector (`spec.selector` of workloads). */
export interface StructuredSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Converts a structured selector into requirements. */
export function requirementsOf(selector: StructuredSelector | undefined): Requirement[] {
  const requirements: Requirement[] = Object.entries(selector?.matchLabels ?? {})
    .map(([key, value]) => ({ key, operator: 'In' as const, values: [value] }));
  for (const e of selector?.matchExpressions ?? []) {
    requirements.push({ key: e.key, operator: e.operator as Requirement['operator'], values: e.values ?? [] });
  }
  return requirements;
}

/** Renders a structured selector as query syntax (for status.selector and kubectl). */
export function formatSelector(selector: StructuredSelector | undefined): string {
  return requirementsOf(selector).map((r) => {
    if (r.operator === 'Exists') return r.key;
    if (r.operator === 'DoesNotExist') return `!${r.key}`;
    if (r.operator === 'In' && r.values.length === 1) return `${r.key}=${r.values[0]}`;
    return `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`;
  }).join(',');
}
