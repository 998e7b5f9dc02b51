import { PaverError } from './paver-error.js';

/**
 * A chart could not be loaded (missing or invalid Chart.yaml, a values.yaml that
 * is not YAML, a broken .tgz subchart). The message is Helm's wording.
 */
export class ChartLoadError extends PaverError<{ chart: string; file: string }> {
  readonly code = 'ChartLoadError';
}
