import { PaverError } from './paver-error.js';

/** Which step of rendering a chart failed. */
export type TemplateRenderPhase = 'values' | 'dependencies' | 'schema' | 'parse' | 'exec' | 'yaml' | 'limit' | 'show-only' | 'install';

/**
 * Rendering a chart failed. `message` is exactly what `helm template` prints
 * after "Error: "; `data` points at the template file, line and column
 * (0 when unknown) so the editor can jump there.
 */
export class TemplateRenderError extends PaverError<{
  phase: TemplateRenderPhase;
  file: string;
  line: number;
  column: number;
  field?: string;
}> {
  readonly code = 'TemplateRenderError';
}
