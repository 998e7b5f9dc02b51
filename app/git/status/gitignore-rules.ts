// .gitignore matching (patterns per folder, negation, anchoring, `**`, folder-only
// patterns), implemented here because isomorphic-git's isIgnored re-reads every
// .gitignore on each call (and ignores `core.excludesFile`, which git applies).
// Spec: https://git-scm.com/docs/gitignore

interface Rule { regex: RegExp; negate: boolean; directoryOnly: boolean }

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*';
          else { out += '(?:.*/)?'; i++; }
          i++;
          continue;
        }
        i++;
        out += '[^/]*';
        continue;
      }
      out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; continue; }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (char === '\\' && i + 1 < glob.length) {
      out += glob[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else out += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/** Parses one .gitignore file's text into rules relative to its folder. */
export function parseGitignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) { negate = true; line = line.slice(1); }
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegex(line);
    rules.push({ regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`), negate, directoryOnly });
  }
  return rules;
}

/** Ignore rules for one repository: `.git/info/exclude` plus each folder's `.gitignore`. */
export class GitignoreRules {
  private readonly byFolder = new Map<string, Rule[]>();

  /** Sets the rules of `folder` ('' for the root) from a .gitignore's text. */
  setFolderRules(folder: string, text: string | undefined): void {
    if (text === undefined) this.byFolder.delete(folder);
    else this.byFolder.set(folder, parseGitignore(text));
  }

  /** Adds rules that apply from the root before any .gitignore (info/exclude). */
  setExcludeRules(text: string | undefined): void {
    this.setFolderRules('\0exclude', text);
  }

  /** Adds the user's global rules (`core.excludesFile`), the lowest precedence. */
  setGlobalRules(text: string | undefined): void {
    this.setFolderRules('\0global', text);
  }

  /** True when `path` (relative, '/'-separated) is ignored; parent folders are assumed not ignored. */
  isIgnored(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    const check = (rules: Rule[] | undefined, relative: string): void => {
      if (!rules) return;
      for (const rule of rules) {
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.regex.test(relative)) ignored = !rule.negate;
      }
    };
    check(this.byFolder.get('\0global'), path);
    check(this.byFolder.get('\0exclude'), path);
    check(this.byFolder.get(''), path);
    let slash = path.indexOf('/');
    while (slash >= 0) {
      check(this.byFolder.get(path.slice(0, slash)), path.slice(slash + 1));
      slash = path.indexOf('/', slash + 1);
    }
    return ignored;
  }
}
