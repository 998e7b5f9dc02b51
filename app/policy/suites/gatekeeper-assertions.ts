// gator's assertion rules (pkg/gator/verify/assertion.go): `violations` is
// "yes" (default: at least one), "no" (none) or an exact count, of the
// violations whose message matches `message` (a regular expression; unset
// matches every violation).

/** One assertion of a gator case. */
export interface GatorAssertion {
  violations?: unknown;
  message?: unknown;
}

const regexCache = new Map<string, RegExp | null>();

function messageMatcher(pattern: string): ((message: string) => boolean) | string {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      try { regex = new RegExp(pattern); } catch { regex = null; }
    }
    regexCache.set(pattern, regex);
  }
  if (!regex) return `message ${JSON.stringify(pattern)} is not a valid regular expression`;
  const compiled = regex;
  return (message) => compiled.test(message);
}

/** The assertion in the suite's own words, e.g. `violations: yes, message: "denied"`. */
export function describeAssertion(assertion: GatorAssertion): string {
  const violations = assertion?.violations ?? 'yes';
  return `violations: ${String(violations)}${assertion?.message !== undefined ? `, message: ${JSON.stringify(String(assertion.message))}` : ''}`;
}

/** Checks one assertion against the violation messages; returns why it failed, or undefined. */
export function checkAssertion(assertion: GatorAssertion, messages: readonly string[]): string | undefined {
  const violations = assertion?.violations ?? 'yes';
  let matching = messages.length;
  const containing = assertion?.message !== undefined ? ` containing ${JSON.stringify(String(assertion.message))}` : '';
  if (assertion?.message !== undefined) {
    const matcher = messageMatcher(String(assertion.message));
    if (typeof matcher === 'string') return matcher;
    matching = messages.filter(matcher).length;
  }
  if (typeof violations === 'number') {
    if (!Number.isInteger(violations) || violations < 0) return 'assertion.violations must be a nonnegative integer, "yes", or "no"';
    return matching === violations ? undefined : `${matching} violations${containing} but want exactly ${violations}`;
  }
  if (violations === 'yes' || violations === true) return matching > 0 ? undefined : `0 violations${containing} but want at least 1`;
  if (violations === 'no' || violations === false) return matching === 0 ? undefined : `${matching} violations${containing} but want none`;
  return 'assertion.violations must be a nonnegative integer, "yes", or "no"';
}
