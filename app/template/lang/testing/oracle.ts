// Runs requests through the Go oracle binary (PAVER_GO_ORACLE) in one process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { EvalRequest, EvalResponse } from '../../eval/evaluate.js';

/** Path of the oracle binary when it is configured and present, else undefined. */
export function oraclePath(): string | undefined {
  const path = process.env.PAVER_GO_ORACLE;
  return path && existsSync(path) ? path : undefined;
}

/** Evaluates all requests with the oracle; responses come back in order. */
export function runOracle(path: string, requests: EvalRequest[]): EvalResponse[] {
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const result = spawnSync(path, [], { input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr.toString()}`);
  return result.stdout.toString().trim().split('\n').map((line) => JSON.parse(line) as EvalResponse);
}
