// A template's files from either a published version (Git objects) or the
// draft in the working tree, behind one interface the renderers take.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ChartFileReader, DirectoryEntry } from '../../template/index.js';
import { FileNotFoundError, TemplateNotFoundError } from '../../errors/index.js';

/** Files of one template at one version ('draft' = the working tree). */
export interface TemplateSource {
  template: string;
  version: string;
  /** Paths relative to the template folder. */
  paths: string[];
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
}

/**
 * The draft of a template: `templates/<name>/` in the working tree.
 * @example const draft = await readTemplateDraft('/ws', 'web-service'); draft.paths // ['Chart.yaml', 'values.yaml', ...]
 */
export async function readTemplateDraft(dir: string, template: string): Promise<TemplateSource> {
  const root = path.join(dir, 'templates', template);
  const paths: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(relative);
      else if (entry.isFile()) paths.push(relative);
    }
  };
  try {
    await walk('');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new TemplateNotFoundError(`There is no template folder templates/${template}.`, { template });
    throw error;
  }
  const known = new Set(paths);
  const readBytes = async (file: string): Promise<Uint8Array> => {
    if (!known.has(file)) throw new FileNotFoundError(`templates/${template}/${file} does not exist.`, { path: `templates/${template}/${file}` });
    return readFile(path.join(root, file));
  };
  return { template, version: 'draft', paths: paths.sort(), readBytes, readText: async (file) => new TextDecoder().decode(await readBytes(file)) };
}

/** Reads and parses a JSON or YAML file of a template, or undefined when it does not exist. */
export async function readTemplateDocument(source: TemplateSource, file: string): Promise<any> {
  if (!source.paths.includes(file)) return undefined;
  const text = await source.readText(file);
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
}

/**
 * The template engine's file reader over a source, with the chart at `<template>/`
 * (so rendered file names read `web-service/templates/deployment.yaml`, as with helm).
 * @example await loadChart(templateChartReader(tree), tree.template)
 */
export function templateChartReader(source: TemplateSource): ChartFileReader {
  const files = new Set(source.paths.map((file) => `${source.template}/${file}`));
  const directories = new Set<string>(['']);
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) directories.add(file.slice(0, slash));
  }
  const normalise = (p: string) => p.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const prefix = `${source.template}/`;
  return {
    async kind(p) {
      const key = normalise(p);
      return files.has(key) ? 'file' : directories.has(key) ? 'directory' : undefined;
    },
    async list(p) {
      const key = normalise(p);
      const base = key ? `${key}/` : '';
      const entries = new Map<string, DirectoryEntry>();
      for (const candidate of [...files, ...directories]) {
        if (!candidate.startsWith(base) || candidate === key) continue;
        const name = candidate.slice(base.length).split('/')[0]!;
        if (name) entries.set(name, { name, isDirectory: directories.has(base + name) });
      }
      return [...entries.values()];
    },
    async read(p) {
      const key = normalise(p);
      if (!key.startsWith(prefix)) throw new FileNotFoundError(`${p} is not part of template '${source.template}'.`, { path: p });
      return source.readBytes(key.slice(prefix.length));
    },
  };
}
