import { describe, expect, it } from 'vitest';
import { loadChart } from './chart-loader.js';
import { renderChartWithFuncs, type RenderChartOptions } from './render-chart.js';
import { helmFunctions } from '../funcs/index.js';

const funcs = helmFunctions({ wrapWarnings: true });
import { memoryReader } from './testing/memory-reader.js';

const chartYaml = 'apiVersion: v2\nname: bad\nversion: 0.1.0\n';

async function renderFiles(files: Record<string, string>, options: Partial<RenderChartOptions> = {}) {
  const withChart = { 'bad/Chart.yaml': chartYaml, ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`bad/${k}`, v])) };
  const chart = await loadChart(memoryReader(withChart), 'bad');
  return renderChartWithFuncs(chart, { funcs, ...options });
}

const hint = '\n\nUse --debug flag to render out invalid YAML';

describe('render errors in Helm words', () => {
  it('reports parse errors as parse error at (file:line)', async () => {
    await expect(renderFiles({ 'templates/cm.yaml': 'a: 1\nb: {{ .Values.x }\n' })).rejects.toMatchObject({
      message: `parse error at (bad/templates/cm.yaml:2): unexpected "}" in operand${hint}`, phase: 'parse', file: 'bad/templates/cm.yaml', line: 2,
    });
  });

  it('reports nil pointers with the template position', async () => {
    await expect(renderFiles({ 'templates/cm.yaml': 'a: {{ .Values.a.b }}\n' })).rejects.toMatchObject({
      message: `template: bad/templates/cm.yaml:1:13: executing "bad/templates/cm.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b${hint}`,
      phase: 'exec', line: 1, column: 13,
    });
  });

  it('rewrites required/fail into execution error at (file:line:col): message', async () => {
    await expect(renderFiles({ 'templates/cm.yaml': 'x: 1\na: {{ required "image.tag is required" .Values.image }}\n' })).rejects.toMatchObject({
      message: `execution error at (bad/templates/cm.yaml:2:6): image.tag is required${hint}`, line: 2, column: 6,
    });
  });

  it('names the template and line for YAML errors in the rendered output', async () => {
    await expect(renderFiles({ 'templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: a: b\n' })).rejects.toMatchObject({
      message: `YAML parse error on bad/templates/cm.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context${hint}`,
      phase: 'yaml', file: 'bad/templates/cm.yaml', line: 3,
    });
  });

  it('validates values.schema.json against coalesced values, naming chart and field', async () => {
    const schema = JSON.stringify({ type: 'object', required: ['image'], properties: { replicas: { type: 'integer', minimum: 1 } } });
    await expect(renderFiles({ 'values.schema.json': schema, 'values.yaml': 'replicas: 0\n', 'templates/a.yaml': '' },
      { values: { replicas: 'two' } })).rejects.toMatchObject({
      message: "values don't meet the specifications of the schema(s) in the following chart(s):\nbad:\n- at '': missing property 'image'\n- at '/replicas': got string, want integer\n",
      phase: 'schema',
    });
  });

  it('stops runaway include recursion with an error instead of hanging', async () => {
    // Helm stops at 1,000 nested includes; JS stack depth may end it earlier (see the report): either way an error.
    await expect(renderFiles({ 'templates/a.yaml': '{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}' }))
      .rejects.toThrow(/^template: bad\/templates\/a.yaml:1:53: executing "bad\/templates\/a.yaml" at <include "loop" .>: error calling include: .*(nested reference name: loop|maximum template depth)/s);
  });

  it('ends runaway loops with the configurable execution budget and output cap', async () => {
    await expect(renderFiles({ 'templates/a.yaml': '{{ range $i, $e := until 100 }}{{ end }}{{ range .Values.l }}{{ range $.Values.l }}x{{ end }}{{ end }}' },
      { values: { l: Array.from({ length: 200 }, (_, i) => i) }, maxOutput: 1000 }))
      .rejects.toMatchObject({ phase: 'limit' });
  });

  it('refuses library charts and missing dependencies like helm install', async () => {
    await expect(renderFiles({ 'Chart.yaml': 'apiVersion: v2\nname: bad\nversion: 0.1.0\ntype: library\n' })).rejects.toThrow('library charts are not installable');
    await expect(renderFiles({ 'Chart.yaml': 'apiVersion: v2\nname: bad\nversion: 0.1.0\ndependencies:\n- name: db\n  version: 1.0.0\n' }))
      .rejects.toThrow('found in Chart.yaml, but missing in charts/ directory: db');
  });
});
