// When a validation names no fieldPath, the simulator still wants to point at
// the rendered YAML. The `object.a.b` chains the expression (or the variables
// it uses) reads are good guesses: `object.spec.replicas <= 5` ->
// `spec.replicas`. Several chains make several candidates, in reading order;
// at a violation the first one the object really has is used, so a policy
// written for Deployments and CronJobs points at the branch the object took.
// Results are marked as guessed.

const objectChain = /\b(?:object|variables\.anyObject)((?:\s*\.\??\s*[A-Za-z_][A-Za-z0-9_]*)+)/g;
const variableUse = /\bvariables\.([A-Za-z_][A-Za-z0-9_]*)/g;
// Fields read to tell objects apart or to word a message, rarely the ones at fault.
const identityFields = new Set(['kind', 'apiVersion', 'metadata.name', 'metadata.namespace', 'metadata.generateName']);

function chainsIn(expression: string): string[] {
  const chains: string[] = [];
  for (const match of expression.matchAll(objectChain)) {
    const path = match[1]!.replace(/\s+/g, '').replace(/\.\?/g, '.').slice(1);
    // Stop before a method call such as `.all(` or `.orValue(`.
    const end = expression.slice(match.index + match[0].length).trimStart().startsWith('(') ? path.lastIndexOf('.') : path.length;
    const trimmed = end > 0 ? path.slice(0, end) : '';
    if (trimmed) chains.push(trimmed);
  }
  return chains;
}

function collect(expression: string, variables: ReadonlyMap<string, string>, depth: number, out: string[]): void {
  for (const chain of chainsIn(expression)) if (!out.includes(chain)) out.push(chain);
  if (depth >= 3) return;
  for (const match of expression.matchAll(variableUse)) {
    if (match[1] === 'anyObject' || match[1] === 'params') continue;
    const source = variables.get(match[1]!);
    if (source) collect(source, variables, depth + 1, out);
  }
}

/** Candidate fields a validation checks, best first, following variables up to a few levels deep. */
export function guessFieldPaths(expression: string, variables: ReadonlyMap<string, string>): string[] {
  const all: string[] = [];
  collect(expression, variables, 0, all);
  const telling = all.filter((path) => !identityFields.has(path));
  return telling.length ? telling : all;
}

/** The best single guess (the first candidate). */
export function guessFieldPath(expression: string, variables: ReadonlyMap<string, string>): string | undefined {
  return guessFieldPaths(expression, variables)[0];
}

/** The first candidate path present in the object (falling back to the first candidate). */
export function pickFieldPath(candidates: readonly string[], object: unknown): string | undefined {
  for (const path of candidates) {
    let at: unknown = object;
    for (const part of path.split('.')) {
      at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
      if (at === undefined) break;
    }
    if (at !== undefined) return path;
  }
  return candidates[0];
}
