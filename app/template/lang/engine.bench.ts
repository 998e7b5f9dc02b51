// Benchmark: an include-heavy template set (helpers calling helpers, like
// the big public charts) rendered by this engine, and the same requests
// through the Go oracle in the same run (ratio = TS time / Go time).
//   npm run bench engine        (Go side needs PAVER_GO_ORACLE)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { evaluateRequest, type EvalRequest } from '../eval/evaluate.js';
import { TemplateSet } from './engine.js';
import { oraclePath } from './testing/oracle.js';

function helpers(): string {
  let out = '';
  out += '{{- define "app.name" -}}{{ or .Values.nameOverride .Chart.Name }}{{- end -}}\n';
  out += '{{- define "app.fullname" -}}{{- if .Values.fullnameOverride -}}{{ .Values.fullnameOverride }}{{- else -}}{{- $name := .Chart.Name -}}{{- if eq $name .Release.Name -}}{{ .Release.Name }}{{- else -}}{{ printf "%s-%s" .Release.Name $name }}{{- end -}}{{- end -}}{{- end -}}\n';
  out += '{{- define "app.chart" -}}{{ printf "%s-%s" .Chart.Name .Chart.Version }}{{- end -}}\n';
  out += '{{- define "app.selectorLabels" -}}\napp.kubernetes.io/name: {{ template "app.name" . }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n';
  out += '{{- define "app.labels" -}}\nhelm.sh/chart: {{ template "app.chart" . }}\n{{ template "app.selectorLabels" . }}\n{{- if .Chart.AppVersion }}\napp.kubernetes.io/version: {{ .Chart.AppVersion | printf "%q" }}\n{{- end }}\napp.kubernetes.io/managed-by: {{ .Release.Service }}\n{{- range $k, $v := .Values.commonLabels }}\n{{ $k }}: {{ $v | printf "%q" }}\n{{- end }}\n{{- end -}}\n';
  for (let i = 0; i < 30; i++) {
    out += `{{- define "helper.${i}" -}}{{- if .Values.feature${i % 5} -}}{{ template "app.fullname" . }}-${i}{{- else -}}{{ template "app.name" . }}-${i}{{- end -}}{{ range .Values.list }} {{ . }}{{ end }}{{- end -}}\n`;
  }
  out += '{{- define "app.env" -}}{{- range .Values.env }}\n- name: {{ .name }}\n  value: {{ .value | printf "%q" }}\n{{- end }}{{- end -}}\n';
  return out;
}

function manifest(i: number): string {
  let out = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ template "app.fullname" . }}-${i}\n  labels:\n    {{- template "app.labels" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  selector:\n    matchLabels:\n      {{- template "app.selectorLabels" . }}\n  template:\n    spec:\n      containers:\n        - name: {{ template "app.name" . }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          env:\n          {{- template "app.env" . }}\n`;
  for (let h = 0; h < 8; h++) out += `          # {{ template "helper.${(i * 7 + h) % 30}" . }}\n`;
  out += '          ports:\n{{- range .Values.ports }}\n            - containerPort: {{ .port }}\n              name: {{ .name }}\n{{- end }}\n';
  return out;
}

const values = {
  Values: {
    nameOverride: '', fullnameOverride: '', replicaCount: 3,
    image: { repository: 'nginx', tag: '1.25' },
    commonLabels: { team: 'platform', tier: 'web', cost: 'shared' },
    env: Array.from({ length: 8 }, (_, i) => ({ name: `VAR_${i}`, value: `value-${i}` })),
    ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }, { name: 'metrics', port: 9090 }],
    list: ['a', 'b', 'c'],
    feature0: true, feature1: false, feature2: true, feature3: false, feature4: true,
  },
  Release: { Name: 'rel', Namespace: 'ns', Service: 'Helm', Revision: 1 },
  Chart: { Name: 'mychart', Version: '1.2.3', AppVersion: '4.5.6' },
};

const files = Array.from({ length: 10 }, (_, i) => ({ name: `mychart/templates/deploy-${i}.yaml`, template: manifest(i) }));
const all = files.map((f) => `{{ template "${f.name}" . }}`).join('---\n');

function request(id: number): EvalRequest {
  return {
    id,
    name: 'main',
    templates: [{ name: 'mychart/templates/_helpers.tpl', template: helpers() }, ...files],
    template: all,
    data: values,
    helm: true,
  };
}

function time(fn: () => void, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return (performance.now() - start) / iterations;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Warm render: parse once, execute all 10 manifests (the machine is shared, so medians of 7 rounds).
const set = new TemplateSet({ name: 'main' });
set.parse('mychart/templates/_helpers.tpl', helpers());
for (const f of files) set.parse(f.name, f.template);
const renderAll = (): void => {
  for (const f of files) set.execute(f.name, values, { helm: true });
};
time(renderAll, 300);
const outBytes = files.reduce((n, f) => n + set.execute(f.name, values, { helm: true }).length, 0);
const req = request(0);
time(() => evaluateRequest(req), 50);

// The bench also finds the oracle at its conventional build path (.oracle-bin/, git-ignored).
const localOracle = new URL('../../../.oracle-bin/gotemplate-oracle', import.meta.url).pathname;
const oracle = oraclePath() ?? (existsSync(localOracle) ? localOracle : undefined);
const runBatch = (requests: EvalRequest[]): number => {
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const start = performance.now();
  const r = spawnSync(oracle as string, [], { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return performance.now() - start;
};
const batch = 200;
const full = Array.from({ length: batch }, (_, i) => request(i));
const parseOnly = full.map((r) => ({ ...r, template: '' }));

const warm: number[] = [];
const perRequest: number[] = [];
const goFull: number[] = [];
const goParse: number[] = [];
for (let round = 0; round < 7; round++) {
  warm.push(time(renderAll, 100));
  perRequest.push(time(() => evaluateRequest(req), 40));
  if (oracle) {
    goFull.push(runBatch(full) / batch);
    goParse.push(runBatch(parseOnly) / batch);
  }
}
console.log(`warm render, 10 templates (${outBytes} bytes out, 170 template calls): ${median(warm).toFixed(3)} ms (median of 7)`);
console.log(`parse + execute per request (TS): ${median(perRequest).toFixed(3)} ms`);
if (!oracle) {
  console.log('Go oracle: skipped (build it: cd ../shared/oracle && go build -o <repo>/.oracle-bin/gotemplate-oracle . ; or set PAVER_GO_ORACLE)');
} else {
  const goRequest = median(goFull);
  const goExec = Math.max(median(goFull.map((f, i) => f - goParse[i])), 1e-6);
  const check = JSON.parse(spawnSync(oracle, [], { input: JSON.stringify(request(0)) + '\n' }).stdout.toString());
  const same = check.output === evaluateRequest(request(0)).output;
  console.log(`parse + execute per request (Go oracle, incl. JSON decode): ${goRequest.toFixed(3)} ms -> ratio TS/Go ${(median(perRequest) / goRequest).toFixed(2)}`);
  console.log(`execute only, 10 templates (Go: full batch minus parse-only batch): ${goExec.toFixed(3)} ms -> ratio TS/Go ${(median(warm) / goExec).toFixed(2)}`);
  console.log(`outputs identical: ${same}`);
}
