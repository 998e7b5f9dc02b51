// RE2 syntax that JavaScript spells differently: \Q...\E literals and ASCII classes.
import { describe, expect, it } from 'vitest';
import { compileCel } from './cel-environment.js';

const run = (expression: string) => compileCel(expression).evaluate({});

describe('RE2 regex syntax', () => {
  it('quotes \\Q...\\E literally, also next to Unicode classes', () => {
    expect(run("'a.b'.matches('^\\\\Qa.b\\\\E$')")).toBe(true);
    expect(run("'axb'.matches('^\\\\Qa.b\\\\E$')")).toBe(false);
    expect(run("'1+1-x'.matches('^\\\\Q1+1-\\\\E\\\\pL$')")).toBe(true);
  });

  it('supports [[:alpha:]]-style ASCII classes, alone and combined', () => {
    expect(run("'abc1'.matches('^[[:alpha:]]+[[:digit:]]$')")).toBe(true);
    expect(run("'ab_9'.matches('^[[:word:]]+$')")).toBe(true);
    expect(run("'a-b'.matches('^[[:lower:]-]+$')")).toBe(true);
    expect(run("'A1'.matches('^[^[:lower:]]+$')")).toBe(true);
    expect(run("'é'.matches('^[[:alpha:]]$')")).toBe(false);
  });

  it('offers the global matches(text, pattern) form of the standard library, with RE2 syntax', () => {
    expect(run("matches('abc1', '^[[:alpha:]]+\\\\d$')")).toBe(true);
    expect(run("matches('ABC', '(?i)^abc$')")).toBe(true);
  });

  it('rejects an unknown class with a message', () => {
    expect(() => run("'a'.matches('[[:letters:]]')")).toThrow(/unknown character class \[:letters:\]/);
  });
});
