// Host side of `paver policy test`: finds suite files under the given paths
// and reads the files they name, never outside the path the user gave.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { suiteKindOf, type SuiteFiles, type SuiteKind } from '../../app/policy/suites/index.js';

/** A suite file found under a root the user named. */
export interface FoundSuite { path: string; root: string; kind: SuiteKind }

const skippedFolders = new Set(['node_modules', '.git']);

/** Walks a file or folder (recursively, sorted) for suite.yaml and kyverno-test.yaml files. */
export function findSuites(target: string): FoundSuite[] {
  const absolute = resolve(target);
  const stat = statSync(absolute);
  if (stat.isFile()) {
    const kind = suiteKindOf(absolute);
    // A Kyverno test sits in a hidden folder (.kyverno-test/) beside the policy it names as ../policy.yaml.
    const folder = dirname(absolute);
    const root = basename(folder).startsWith('.') ? dirname(folder) : folder;
    return kind ? [{ path: absolute, root, kind }] : [];
  }
  const found: FoundSuite[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { if (!skippedFolders.has(entry.name)) walk(path); continue; }
      const kind = entry.isFile() ? suiteKindOf(entry.name) : undefined;
      if (kind) found.push({ path, root: absolute, kind });
    }
  };
  walk(absolute);
  return found;
}

/** Reads files relative to the suite's folder, confined under root (undefined outside it or when missing). */
export function suiteFiles(suite: FoundSuite): SuiteFiles {
  const folder = dirname(suite.path);
  return {
    read(relativePath) {
      const path = resolve(folder, relativePath);
      const rel = relative(suite.root, path);
      if (rel.startsWith('..') || rel.startsWith(sep) || resolve(suite.root, rel) !== path) return undefined;
      try { return readFileSync(path, 'utf8'); } catch { return undefined; }
    },
  };
}
