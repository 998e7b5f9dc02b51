import { PaverError } from '../../app/errors/index.js';
import type { CliIo } from './command.js';
import { commands } from './commands/index.js';
import { paverVersion } from '../version.js';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Paver ${paverVersion}: golden-path templates for Kubernetes, changed safely.\n\nUsage: paver <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'paver <command> --help' for a command's options.\n`;
}

/** Runs one CLI invocation and returns its exit code; errors go to stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${paverVersion}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`paver: unknown command '${name}'. Run 'paver --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof PaverError) {
      io.stderr(`Error: ${error.message}\n`);
      return error.code === 'UsageError' ? 2 : 1;
    }
    io.stderr(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => readLines(process.stdin),
    // `npm run paver -- …` runs in the package folder; INIT_CWD is where the user typed it.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
  };
}

async function* readLines(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  let buffer = '';
  for await (const chunk of stream) {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
    }
  }
  if (buffer.length > 0) yield buffer;
}
