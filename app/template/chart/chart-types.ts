// The in-memory chart model (Helm's chart.Chart), produced by loadChart and
// consumed by renderChart. Paths are slash-separated and relative to the chart.
import type { GoMap } from '../lang/value.js';

/** A file as Helm keeps it: a chart-relative name and its bytes. */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

/** One entry of Chart.yaml `dependencies` (or requirements.yaml for apiVersion v1). */
export interface ChartDependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  importValues: unknown[];
  alias: string;
}

/** A maintainer entry of Chart.yaml. */
export interface ChartMaintainer {
  name: string;
  email: string;
  url: string;
}

/** Chart.yaml, with Helm's field set (chart.Metadata). */
export interface ChartMetadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  maintainers: ChartMaintainer[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Record<string, string>;
  kubeVersion: string;
  dependencies: ChartDependency[];
  type: string;
}

/** A loaded chart and its subcharts. */
export interface Chart {
  metadata: ChartMetadata;
  /** Where it was loaded from (for messages), e.g. `templates/web-service` or `charts/db-1.0.0.tgz`. */
  source: string;
  values: GoMap;
  /** The raw values.yaml text, or '' when there is none. */
  rawValues: string;
  /** values.schema.json parsed, or undefined. */
  schema?: unknown;
  /** Files under templates/ (names keep the `templates/` prefix). */
  templates: ChartFile[];
  /** Every other file Helm exposes through .Files (crds/ included, templates/ and charts/ excluded). */
  files: ChartFile[];
  /** Subcharts found in charts/ (directories and .tgz). */
  dependencies: Chart[];
  parent?: Chart;
}

/** True when the chart's type is `library` (templates are helpers only). */
export function isLibraryChart(chart: Chart): boolean {
  return chart.metadata.type.toLowerCase() === 'library';
}

/** Helm's ChartFullPath: `parent/charts/child` for subcharts. */
export function chartFullPath(chart: Chart): string {
  return chart.parent ? `${chartFullPath(chart.parent)}/charts/${chart.metadata.name}` : chart.metadata.name;
}
