// .helmignore rules (helm.sh/helm/v3/internal/ignore): glob lines, `!` negation,
// a trailing `/` for directories only, and `templates/.?*` always ignored.

interface Rule {
  pattern: RegExp;
  negate: boolean;
  directoryOnly: boolean;
  matchBase: boolean;
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Parsed .helmignore rules; `ignores(path, isDirectory)` answers for one chart-relative path. */
export class HelmIgnore {
  private readonly rules: Rule[] = [];

  constructor(text = '') {
    this.add('templates/.?*');
    for (const raw of text.split(/\r?\n/)) this.add(raw);
  }

  private add(raw: string): void {
    let line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line === '!' || line.includes('**')) return;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    if (line.startsWith('/')) line = line.slice(1);
    const matchBase = !line.includes('/');
    this.rules.push({ pattern: globToRegExp(line), negate, directoryOnly, matchBase });
  }

  /** True when the path should not be loaded. */
  ignores(path: string, isDirectory: boolean): boolean {
    if (path === '.' || path === './') return false;
    for (const rule of this.rules) {
      if (!rule.negate && rule.directoryOnly && !isDirectory) continue;
      const subject = rule.matchBase ? path.slice(path.lastIndexOf('/') + 1) : path;
      const matched = rule.pattern.test(subject);
      // Helm's quirk: a negated rule ignores every path it does not match.
      if (rule.negate) {
        if (rule.directoryOnly && !isDirectory) return true;
        if (!matched) return true;
        continue;
      }
      if (matched) return true;
    }
    return false;
  }
}
