import { describe, expect, it } from 'vitest';
import { ChartLoadError, TemplateRenderError, deserializeError, serializeError } from '../errors/index.js';
import { buildUserValues, formatHelmTemplateOutput, loadChart, renderChart, renderNameTemplate } from './index.js';
import { memoryReader } from './chart/testing/memory-reader.js';

const files = {
  'app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
  'app/values.yaml': 'replicas: 1\nname: web\n',
  'app/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n  need: {{ required "need.value is required" .Values.need }}\n',
};

describe('the engine API', () => {
  it('loads, stacks values and renders with the default Sprig + Helm functions', async () => {
    const chart = await loadChart(memoryReader(files), 'app');
    const values = buildUserValues({ valueFiles: [{ path: 'prod.yaml', text: 'replicas: 3\n' }], set: ['need=yes'] });
    const result = renderChart(chart, { values, releaseName: 'web' });
    expect(formatHelmTemplateOutput(result)).toBe('---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  replicas: "3"\n  need: yes\n');
    expect(result.objects.map((o) => [o.kind, o.name, o.template])).toEqual([['ConfigMap', 'web', 'app/templates/cm.yaml']]);
  });

  it('throws TemplateRenderError with Helm\'s message and the template position, surviving serialization', async () => {
    const chart = await loadChart(memoryReader(files), 'app');
    let caught: unknown;
    try {
      renderChart(chart);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateRenderError);
    const wire = deserializeError(serializeError(caught));
    expect(wire).toBeInstanceOf(TemplateRenderError);
    expect(wire.message).toBe('execution error at (app/templates/cm.yaml:7:11): need.value is required\n\nUse --debug flag to render out invalid YAML');
    expect(wire.data).toEqual({ phase: 'exec', file: 'app/templates/cm.yaml', line: 7, column: 11 });
  });

  it('throws ChartLoadError naming the chart for broken charts and TemplateRenderError for bad --set', async () => {
    await expect(loadChart(memoryReader({ 'x/Chart.yaml': 'name: [\n' }), 'x')).rejects.toBeInstanceOf(ChartLoadError);
    expect(() => buildUserValues({ set: ['a'] })).toThrow(new TemplateRenderError('failed parsing --set data: key "a" has no value', { phase: 'values', file: '--set', line: 0, column: 0 }));
  });

  it('renders --name-template with Sprig', () => {
    expect(renderNameTemplate('{{ "web" | upper | lower }}-{{ add 1 2 }}')).toBe('web-3');
  });
});
