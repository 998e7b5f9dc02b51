// When a validation names no fieldPath, the simulator still wants to point at
// the rendered YAML. The first `object.a.b` chain the expression (or a
// variable it uses) reads is a good guess: `object.spec.replicas <= 5` ->
// `spec.replicas`. Results are marked as guessed.

const objectChain = /\b(?:object|variables\.anyObject)((?:\s*\.\??\s*[A-Za-z_][A-Za-z0-9_]*)+)/;
const variableUse = /\bvariables\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** Guesses the field a validation checks, following variables up to a few levels deep. */
export function guessFieldPath(expression: string, variables: ReadonlyMap<string, string>, depth = 0): string | undefined {
  const direct = objectChain.exec(expression);
  if (direct) {
    const path = direct[1]!.replace(/\s+/g, '').replace(/\.\?/g, '.').slice(1);
    // Stop before a method call such as `.all(` or `.orValue(`.
    const end = expression.slice(direct.index + direct[0].length).trimStart().startsWith('(') ? path.lastIndexOf('.') : path.length;
    const trimmed = end > 0 ? path.slice(0, end) : '';
    if (trimmed) return trimmed;
  }
  if (depth >= 3) return undefined;
  for (const match of expression.matchAll(variableUse)) {
    if (match[1] === 'anyObject' || match[1] === 'params') continue;
    const source = variables.get(match[1]!);
    const guessed = source ? guessFieldPath(source, variables, depth + 1) : undefined;
    if (guessed) return guessed;
  }
  return undefined;
}
