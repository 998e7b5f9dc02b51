import { PaverError } from './paver-error.js';

/** Where a Go template failed: the file (parse name), the template executing, line and byte column. */
export interface GoTemplateErrorData {
  phase: 'parse' | 'exec' | 'limit';
  /** The file (Go's ParseName) the failing node was parsed from. */
  file: string;
  /** The template being executed (a define name or the file itself). */
  template: string;
  line: number;
  /** 0-based UTF-8 byte column as Go reports it; -1 for parse errors (Go reports lines only). */
  column: number;
  /** The message without Go's "template: file:line:col: executing ..." prefix. */
  reason: string;
}

/**
 * A Go text/template parse or execution error. `message` is exactly what Go's
 * err.Error() prints (`template: x.yaml:3:14: executing "x.yaml" at <.a.b>: ...`),
 * so Helm-compatible output and tests can compare it byte for byte.
 */
export class GoTemplateError extends PaverError<GoTemplateErrorData> {
  readonly code = 'GoTemplateError';
}
