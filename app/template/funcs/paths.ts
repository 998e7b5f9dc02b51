// Go's path package (slash paths): Base, Dir, Ext, Clean, IsAbs. Sprig's os*
// variants use path/filepath, which is the same on the Unix hosts Helm runs on.
import type { FuncMap } from '../lang/value.js';
import { define } from './support.js';

/** path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** path.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir. */
export function dirPath(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}

/** path.Ext. */
export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const one = (fn: (s: string) => unknown) => define(['string'], ([s]) => fn(s as string) as string | boolean);

/** Sprig's path functions. */
export const pathFunctions: FuncMap = {
  base: one(basePath),
  dir: one(dirPath),
  ext: one(extPath),
  clean: one(cleanPath),
  isAbs: one((s) => s.startsWith('/')),
  osBase: one(basePath),
  osDir: one(dirPath),
  osExt: one(extPath),
  osClean: one(cleanPath),
  osIsAbs: one((s) => s.startsWith('/')),
};
