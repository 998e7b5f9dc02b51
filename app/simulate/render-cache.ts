// Renders services through the template engine, caching by template version
// and values: a warm run, or a run after a policy edit, renders nothing again.
import { loadChart, renderChart, type Chart, type ChartRenderResult } from '../template/index.js';
import { serviceValues } from './service-values.js';
import { templateChartReader, type TemplateSource } from '../workspace/versions/template-source.js';
import type { ServiceDefinition } from '../workspace/model/workspace-model-types.js';

export interface RenderKey {
  template: string;
  version: string;
  service: ServiceDefinition;
  environment: string;
  namespace: string;
  kubeVersion?: string;
}

/** A render that succeeded, or the error it ended with. */
export type CachedRender = { ok: true; result: ChartRenderResult } | { ok: false; error: string };

/** One long-lived cache of loaded charts and rendered services. */
export class RenderCache {
  private readonly charts = new Map<string, Promise<Chart>>();
  private readonly renders = new Map<string, CachedRender>();
  /** Cache keys per service object: an unchanged service file loads as the same object, so its values are not serialised again. */
  private readonly keys = new WeakMap<ServiceDefinition, Map<string, string>>();
  renderCount = 0;
  hitCount = 0;

  /** Renders (or reuses) a service in an environment with a template version. */
  async render(key: RenderKey, source: () => Promise<TemplateSource>): Promise<CachedRender> {
    const cacheKey = this.keyOf(key);
    const cached = this.renders.get(cacheKey);
    if (cached) {
      this.hitCount++;
      return cached;
    }
    let outcome: CachedRender;
    try {
      const chart = await this.chart(key.template, key.version, source);
      const values = serviceValues(key.service, key.environment);
      // The source map is built only for renders a policy objects to (their findings name template lines).
      outcome = { ok: true, result: renderChart(chart, { values, releaseName: key.service.name, namespace: key.namespace, kubeVersion: key.kubeVersion, sourceMap: 'lazy' }) };
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    this.renderCount++;
    this.renders.set(cacheKey, outcome);
    return outcome;
  }

  private keyOf(key: RenderKey): string {
    let byService = this.keys.get(key.service);
    if (!byService) {
      byService = new Map();
      this.keys.set(key.service, byService);
    }
    const short = `${key.template}\0${key.version}\0${key.environment}\0${key.namespace}\0${key.kubeVersion ?? ''}`;
    let cacheKey = byService.get(short);
    if (cacheKey === undefined) {
      const environmentValues = key.service.environments[key.environment]?.values ?? {};
      cacheKey = JSON.stringify([key.template, key.version, key.service.name, key.namespace, key.kubeVersion ?? '', key.service.values, environmentValues]);
      byService.set(short, cacheKey);
    }
    return cacheKey;
  }

  /** Forgets a template's loaded charts and renders (its draft changed on disk). */
  invalidateTemplate(template: string): void {
    const prefix = JSON.stringify([template]).slice(0, -1);
    for (const key of this.charts.keys()) if (key.startsWith(`${template}@`)) this.charts.delete(key);
    for (const key of this.renders.keys()) if (key.startsWith(prefix)) this.renders.delete(key);
  }

  private chart(template: string, version: string, source: () => Promise<TemplateSource>): Promise<Chart> {
    const key = `${template}@${version}`;
    let chart = this.charts.get(key);
    if (!chart) {
      chart = source().then((s) => loadChart(templateChartReader(s), template));
      this.charts.set(key, chart);
      chart.catch(() => this.charts.delete(key));
    }
    return chart;
  }
}
