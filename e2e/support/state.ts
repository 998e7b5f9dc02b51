import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export interface E2eState {
  url: string;
  token: string;
  base: string;
}

export const e2eStateFile = join(tmpdir(), `paver-e2e-state-${process.env.PAVER_E2E_RUN ?? 'default'}.json`);

/** The running browser-mode server that global-setup started. */
export function e2eState(): E2eState {
  return JSON.parse(readFileSync(e2eStateFile, 'utf8')) as E2eState;
}
