import type { CliIo } from '../command.js';
import { runCli } from '../run-cli.js';

/** What one in-process CLI run printed and returned. */
export interface PaverRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `paver <argv>` in-process with captured streams, as the tests of every
 * command do.
 * @example const { code, stdout } = await runPaver(['simulate', '--as-of', '2027-01-15'], { cwd: workspace });
 */
export async function runPaver(argv: string[], options: { cwd: string; env?: Record<string, string | undefined>; stdin?: string[] }): Promise<PaverRun> {
  let stdout = '';
  let stderr = '';
  const lines = options.stdin ?? [];
  const io: CliIo = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    stdin: async function* () { yield* lines; },
    cwd: options.cwd,
    env: options.env ?? {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
