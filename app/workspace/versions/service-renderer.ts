// Rendering a service with a template version. Publish checks and upgrade diffs
// take a ServiceRenderer as a dependency; the real one wraps the template engine.
import { stringify } from 'yaml';
import { buildUserValues, loadChart, renderChart, type RenderOptions } from '../../template/index.js';
import type { ServiceDefinition } from '../model/workspace-model-types.js';
import { templateChartReader, type TemplateSource } from './template-source.js';

/** One render: a service, in one of its environments (undefined when it declares none), with a template source. */
export interface ServiceRenderRequest {
  source: TemplateSource;
  service: ServiceDefinition;
  environment: string | undefined;
  kubeVersion?: string;
}

/** Renders a service to manifests text; throws (e.g. TemplateRenderError) when it does not render. */
export type ServiceRenderer = (request: ServiceRenderRequest) => Promise<{ manifests: string }>;

/** The environments a service renders in (one unnamed render when it lists none). */
export function serviceEnvironments(service: ServiceDefinition): (string | undefined)[] {
  const names = Object.keys(service.environments);
  return names.length ? names : [undefined];
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Deep-merges values like stacked `-f` files: maps merge, everything else is replaced. */
export function mergeValues(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = isObject(out[key]) && isObject(value) ? mergeValues(out[key] as Record<string, unknown>, value) : value;
  return out;
}

/** The values a service passes to its template in an environment: service values, then environment values. */
export function serviceValues(service: ServiceDefinition, environment: string | undefined): Record<string, unknown> {
  const overrides = environment ? service.environments[environment]?.values ?? {} : {};
  return mergeValues(service.values, overrides);
}

/**
 * The real renderer: loads the chart from the source and renders it like `helm template <service>`
 * with the service's values and the environment's namespace.
 * @example const render = createEngineServiceRenderer(); const { manifests } = await render({ source, service, environment: 'prod' });
 */
export function createEngineServiceRenderer(options: { funcs?: RenderOptions['funcs'] } = {}): ServiceRenderer {
  const charts = new Map<TemplateSource, ReturnType<typeof loadChart>>();
  return async ({ source, service, environment, kubeVersion }) => {
    let chart = charts.get(source);
    if (!chart) { chart = loadChart(templateChartReader(source), source.template); charts.set(source, chart); }
    const valueFiles = [{ path: service.file, text: stringify(service.values) }];
    if (environment) valueFiles.push({ path: `${service.file}#${environment}`, text: stringify(service.environments[environment]?.values ?? {}) });
    const values = buildUserValues({ valueFiles });
    const namespace = (environment ? service.environments[environment]?.namespace : undefined) ?? 'default';
    const result = renderChart(await chart, { values, releaseName: service.name, namespace, kubeVersion, funcs: options.funcs });
    return { manifests: result.manifests };
  };
}
