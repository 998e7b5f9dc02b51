// Glob matching for .Files.Glob (gobwas/glob with '/' as separator: `*` stays
// within a segment, `**` crosses segments, `?`, `[a-z]`, `[!x]`, `{a,b}`) and
// for --show-only (Go's filepath.Match: no `**`, no braces).

function translate(pattern: string, braces: boolean): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (braces && pattern[i + 1] === '*') {
        out += '.*';
        i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
      out += `[${cls.replace(/\\(?!\])/g, '\\\\')}]`;
      i = end;
    } else if (braces && c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) return undefined;
      const alternatives = pattern.slice(i + 1, end).split(',').map((a) => translate(a, true));
      if (alternatives.some((a) => a === undefined)) return undefined;
      out += `(?:${alternatives.join('|')})`;
      i = end;
    } else if (c === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      out += `\\${pattern[++i]}`;
    } else out += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return out;
}

/** A matcher for a .Files.Glob pattern, or undefined when the pattern is malformed. */
export function compileGlob(pattern: string): ((name: string) => boolean) | undefined {
  const source = translate(pattern, true);
  if (source === undefined) return undefined;
  const re = new RegExp(`^${source}$`, 's');
  return (name) => re.test(name);
}

/** Go's filepath.Match on slash paths; a malformed pattern matches nothing. */
export function filepathMatch(pattern: string, name: string): boolean {
  const source = translate(pattern, false);
  if (source === undefined) return false;
  return new RegExp(`^${source}$`, 's').test(name);
}
