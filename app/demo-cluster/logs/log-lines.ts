// Deterministic, plausible container log lines: line i of a container is
// always the same text at the same time, so tail, since and follow agree.
import { crashes, runsOutOfMemory } from '../controllers/pod-failure-modes.js';

/** One generated line. */
export interface LogLine {
  time: number;
  text: string;
}

/** Milliseconds between generated lines. */
export const lineIntervalMs = 500;

const paths = ['/healthz', '/api/v1/orders', '/api/v1/cart', '/metrics', '/api/v1/items/42', '/login', '/static/app.js'];
const methods = ['GET', 'GET', 'GET', 'POST', 'GET', 'PUT'];

function pseudoRandom(seed: string, i: number): number {
  let hash = 2166136261;
  const text = `${seed}:${i}`;
  for (let c = 0; c < text.length; c++) hash = Math.imul(hash ^ text.charCodeAt(c), 16777619) >>> 0;
  return hash;
}

function startupLines(podName: string, container: any): string[] {
  const port = container.ports?.[0]?.containerPort ?? 8080;
  return [
    `level=info msg="starting ${container.name}" image="${container.image}" pod="${podName}"`,
    `level=info msg="loaded configuration" env_vars=${(container.env ?? []).length}`,
    `level=info msg="connecting to dependencies" timeout=5s`,
    `level=info msg="listening" address="0.0.0.0:${port}"`,
    `level=info msg="ready to serve requests"`,
  ];
}

function failureLines(container: any): string[] {
  if (crashes(container)) return ['level=error msg="PAVER_DEMO_CRASH=1 is set; simulating a crash"', 'panic: demo crash requested', 'goroutine 1 [running]:', 'main.main()', '\t/app/main.go:42 +0x1d'];
  if (runsOutOfMemory(container)) return [`level=info msg="allocating cache" size=64Mi limit=${container.resources?.limits?.memory}`, 'level=warn msg="memory pressure"'];
  return [];
}

/** Lines 0..count-1 of a container that started at `startedAt` (ms). */
export function logLines(podName: string, container: any, startedAt: number, from: number, to: number): LogLine[] {
  const startup = startupLines(podName, container);
  const failure = failureLines(container);
  const lines: LogLine[] = [];
  for (let i = from; i < to; i++) {
    const time = startedAt + i * lineIntervalMs;
    let text: string;
    if (i < startup.length) text = startup[i]!;
    else if (failure.length > 0) text = failure[Math.min(i - startup.length, failure.length - 1)]!;
    else {
      const r = pseudoRandom(`${podName}/${container.name}`, i);
      const status = r % 23 === 0 ? 500 : r % 11 === 0 ? 404 : 200;
      text = `level=${status >= 500 ? 'error' : 'info'} msg="request" method=${methods[r % methods.length]} path=${paths[(r >>> 3) % paths.length]} status=${status} duration=${((r % 900) / 10 + 0.4).toFixed(1)}ms`;
    }
    lines.push({ time, text });
  }
  return lines;
}

/** Lines kept per container, as the kubelet rotates logs; older lines are gone. */
export const retainedLines = 5000;

/** Index of the oldest line still retained. */
export function firstRetainedLine(total: number): number {
  return Math.max(0, total - retainedLines);
}

/** How many lines a container has produced by `now` (ms). Crashing containers stop after their last words. */
export function lineCount(container: any, startedAt: number, now: number): number {
  const produced = Math.max(0, Math.floor((now - startedAt) / lineIntervalMs) + 1);
  const failure = failureLines(container);
  return failure.length > 0 ? Math.min(produced, 5 + failure.length) : produced;
}
