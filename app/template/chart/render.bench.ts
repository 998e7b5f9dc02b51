// Warm render timings: the sample web-service chart (10 templates) and a
// generated include-heavy chart (~50 templates, deep helper chains).
// Run with `npm run bench render`; prints figures, asserts nothing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadChart, loadChartFiles } from './chart-loader.js';
import { renderChartWithFuncs } from './render-chart.js';
import { clearTemplateCache } from './render-templates.js';
import { clearManifestCache } from './manifest-sorter.js';
import type { Chart } from './chart-types.js';
import type { FuncMap, GoMap } from '../lang/value.js';
import { nodeFileReader } from '../../template-host/node-file-reader.js';
import { benchFuncs } from './testing/bench-funcs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const enc = new TextEncoder();

/** A chart whose templates call chains of helpers, like the big public charts do. */
export function includeHeavyChart(templateCount = 50, depth = 8): Chart {
  const files: { name: string; data: Uint8Array }[] = [];
  const add = (name: string, text: string) => files.push({ name, data: enc.encode(text) });
  add('Chart.yaml', 'apiVersion: v2\nname: heavy\nversion: 1.0.0\nappVersion: "3.2.1"\n');
  add('values.yaml', [
    'image:\n  repository: registry.example.com/heavy\n  tag: ""\n',
    'labels:\n  team: platform\n  tier: backend\n',
    'resources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\n',
    'env:\n' + Array.from({ length: 10 }, (_, i) => `  - name: VAR_${i}\n    value: "v${i}"\n`).join(''),
  ].join(''));
  let helpers = '';
  helpers += '{{- define "heavy.name" -}}{{ .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}\n';
  helpers += '{{- define "heavy.fullname" -}}{{ printf "%s-%s" .Release.Name (include "heavy.name" .) | trunc 63 | trimSuffix "-" }}{{- end -}}\n';
  for (let level = 0; level < depth; level++) {
    const next = level + 1 < depth ? `{{ include "heavy.chain${level + 1}" . }}` : '{{ include "heavy.fullname" . }}';
    helpers += `{{- define "heavy.chain${level}" -}}${next}{{- end -}}\n`;
  }
  helpers += '{{- define "heavy.labels" -}}\napp.kubernetes.io/name: {{ include "heavy.name" . }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n'
    + 'helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}\n{{- range $k, $v := .Values.labels }}\n{{ $k }}: {{ $v | quote }}\n{{- end }}\n{{- end -}}\n';
  helpers += '{{- define "heavy.selector" -}}\napp.kubernetes.io/name: {{ include "heavy.name" . }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n';
  add('templates/_helpers.tpl', helpers);
  for (let i = 0; i < templateCount; i++) {
    add(`templates/deployment-${String(i).padStart(2, '0')}.yaml`, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "heavy.chain0" . }}-${i}
  labels:
    {{- include "heavy.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas | default 1 }}
  selector:
    matchLabels:
      {{- include "heavy.selector" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "heavy.labels" . | nindent 8 }}
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          env:
            {{- toYaml .Values.env | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`);
  }
  return loadChartFiles(files, 'heavy');
}

/** Best of several rounds: the machine may be shared, and the minimum is the engine's own cost. */
function bestMs(run: () => void, iterations: number, rounds = 5): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) run();
    best = Math.min(best, (performance.now() - start) / iterations);
  }
  return best;
}

function time(label: string, chart: Chart, funcs: FuncMap, iterations: number, values: GoMap = {}): void {
  const options = { funcs, releaseName: 'bench', sourceMap: false, values } as const;
  for (let i = 0; i < 20; i++) {
    renderChartWithFuncs(chart, options);
    renderChartWithFuncs(chart, { ...options, sourceMap: true });
  }
  const cold = bestMs(() => {
    clearTemplateCache();
    clearManifestCache();
    renderChartWithFuncs(chart, options);
  }, Math.max(2, Math.floor(iterations / 4)));
  const ms = bestMs(() => renderChartWithFuncs(chart, options), iterations);
  const msMap = bestMs(() => renderChartWithFuncs(chart, { ...options, sourceMap: true }), iterations);
  console.log(`${label.padEnd(48)} ${ms.toFixed(2)} ms/render   (with source map ${msMap.toFixed(2)} ms; no caches ${cold.toFixed(2)} ms)   best of 5 rounds`);
}

const funcs = await benchFuncs();
const samplePath = `${root}resources/sample-workspace/templates/web-service`;
if (existsSync(samplePath)) {
  const sample = await loadChart(nodeFileReader(root), 'resources/sample-workspace/templates/web-service');
  try {
    const values = { team: 'checkout', image: { repository: 'registry.acme.example/checkout', tag: '1.4.2' } };
    time(`web-service sample (${sample.templates.length} templates), warm`, sample, funcs.map, 40, values);
  } catch (error) {
    console.log(`web-service sample: could not render with ${funcs.name}: ${(error as Error).message.split('\n')[0]}`);
  }
} else {
  console.log('web-service sample chart not found; skipped');
}
time('include-heavy generated (50 templates, depth 8), warm', includeHeavyChart(), funcs.map, 10);
console.log(`function map: ${funcs.name}`);
