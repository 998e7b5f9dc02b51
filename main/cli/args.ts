import { UsageError } from '../../app/errors/index.js';

export interface OptionSpec {
  /** Takes a value (`--name VALUE` or `--name=VALUE`). */
  value?: boolean;
  /** May be given several times; values are collected in order. */
  repeat?: boolean;
  /** One-letter alias, such as `f` for `-f`. */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

/** Parses argv against a declared option table; unknown options are a UsageError. */
export function parseArgs(command: string, argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const shortNames = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([name, s]) => [s.short!, name]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.startsWith('-') && arg.length > 1) {
      name = shortNames.get(arg.slice(1, 2));
      if (!name) throw new UsageError(`paver ${command}: unknown option ${arg}`, { command, argument: arg });
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    } else {
      positionals.push(arg);
      continue;
    }
    const option = spec[name];
    if (!option) throw new UsageError(`paver ${command}: unknown option --${name}`, { command, argument: arg });
    let value: string | boolean = true;
    if (option.value) {
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new UsageError(`paver ${command}: --${name} needs a value`, { command, argument: name });
    } else if (inline !== undefined) {
      throw new UsageError(`paver ${command}: --${name} takes no value`, { command, argument: name });
    }
    if (option.repeat) ((options[name] ??= []) as string[]).push(String(value));
    else options[name] = value;
  }
  return { positionals, options };
}

/** Reads a string option, or the fallback. */
export function stringOption(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : fallback;
}

/** Reads a repeatable option as a list. */
export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  return Array.isArray(value) ? value : [];
}
