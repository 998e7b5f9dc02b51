// How `helm template` stacks user values (pkg/cli/values/options.go MergeValues):
// -f files in order, then --set-json, --set, --set-string, --set-file.
import type { GoMap } from '../lang/value.js';
import { mergeUserMaps } from './coalesce.js';
import { parseSetFileInto, parseSetInto, parseSetJsonInto, parseSetStringInto } from './strvals.js';
import { parseValuesYaml } from './values-yaml.js';

/** The value flags of one render, as given on the command line. */
export interface UserValueSources {
  /** -f/--values files, in order, with their text already read. */
  valueFiles?: { path: string; text: string }[];
  setJson?: string[];
  set?: string[];
  setString?: string[];
  /** `key=path` entries; `readFile` supplies each file's text. */
  setFile?: string[];
  readFile?: (path: string) => string;
}

/** A value flag that Helm rejects, with Helm's message. */
export class UserValuesProblem extends Error {
  constructor(message: string, readonly source: string) {
    super(message);
  }
}

/**
 * Builds the user-supplied values map exactly as Helm does before coalescing with chart defaults.
 *
 * @example
 *   buildUserValues({ set: ['image.tag=v2', 'replicas=3'] }) // { image: { tag: 'v2' }, replicas: int64 3 }
 */
export function buildUserValues(sources: UserValueSources): GoMap {
  let base: GoMap = {};
  for (const file of sources.valueFiles ?? []) {
    let current: GoMap;
    try {
      current = parseValuesYaml(file.text) as GoMap;
    } catch (error) {
      throw new UserValuesProblem(`failed to parse ${file.path}: ${(error as Error).message}`, file.path);
    }
    base = mergeUserMaps(base, current);
  }
  const apply = (list: string[] | undefined, flag: string, parse: (line: string, dest: GoMap) => void, withValue: boolean) => {
    for (const line of list ?? []) {
      try {
        parse(line, base);
      } catch (error) {
        const suffix = withValue ? ` ${line}` : '';
        throw new UserValuesProblem(`failed parsing ${flag} data${suffix}: ${(error as Error).message}`, flag);
      }
    }
  };
  apply(sources.setJson, '--set-json', parseSetJsonInto, true);
  apply(sources.set, '--set', parseSetInto, false);
  apply(sources.setString, '--set-string', parseSetStringInto, false);
  const readFile = sources.readFile ?? ((path: string) => {
    throw new Error(`open ${path}: no such file or directory`);
  });
  apply(sources.setFile, '--set-file', (line, dest) => parseSetFileInto(line, dest, readFile), false);
  return base;
}
