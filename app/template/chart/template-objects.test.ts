import { describe, expect, it } from 'vitest';
import { loadChart } from './chart-loader.js';
import { renderChartWithFuncs, type RenderChartOptions } from './render-chart.js';
import { buildUserValues } from './user-values.js';
import { memoryReader } from './testing/memory-reader.js';
import { helmFunctions } from '../funcs/index.js';

const funcs = helmFunctions({ wrapWarnings: true });

async function renderTemplate(template: string, options: Partial<RenderChartOptions> = {}, extra: Record<string, string | Uint8Array> = {}) {
  const files: Record<string, string | Uint8Array> = {
    'objs/Chart.yaml': 'apiVersion: v2\nname: objs\nversion: 1.2.3\nappVersion: "4.5"\nkeywords: [a, b]\nmaintainers:\n  - name: Platform\n'
      + 'annotations:\n  owner: platform\ndependencies:\n  - name: db\n    version: 0.1.0\n',
    'objs/values.yaml': 'port: 8080\nbig: 1000000\nnested:\n  k: v\n  b: 2\n  a10: x\n  a9: w\n  _z: z\ntplText: "{{ .Release.Name }}-suffix"\n',
    'objs/config/a.txt': 'alpha\n',
    'objs/config/b.txt': 'beta',
    'objs/charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n',
    'objs/charts/db/values.yaml': 'port: 5432\n',
    // NOTES.txt renders like any template but is not parsed as a manifest.
    'objs/templates/NOTES.txt': template,
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`objs/${k}`, v])),
  };
  const chart = await loadChart(memoryReader(files), 'objs');
  const result = renderChartWithFuncs(chart, { funcs, ...options });
  return result.renderedFiles['objs/templates/NOTES.txt'];
}

describe('objects templates see', () => {
  it('.Chart and .Capabilities print with Helm\'s json tags in toJson and toYaml', async () => {
    const out = await renderTemplate('{{ toJson .Chart }}\n{{ toYaml .Chart }}\n{{ toJson .Capabilities.KubeVersion }}\n{{ toJson .Capabilities.HelmVersion }}');
    // Helm marks processed dependencies enabled, so the parent's metadata carries it.
    const [json, ...rest] = out!.split('\n');
    expect(json).toBe('{"name":"objs","version":"1.2.3","keywords":["a","b"],"maintainers":[{"name":"Platform"}],"apiVersion":"v2","appVersion":"4.5",'
      + '"annotations":{"owner":"platform"},"dependencies":[{"name":"db","version":"0.1.0","repository":"","enabled":true}],"IsRoot":true}');
    expect(rest.join('\n')).toContain('IsRoot: true\nannotations:\n  owner: platform\napiVersion: v2\nappVersion: "4.5"\ndependencies:\n- enabled: true\n  name: db\n  repository: ""\n  version: 0.1.0\nkeywords:\n- a\n- b\n');
    expect(out).toMatch(/\{"version":"v1\.\d+\.\d+","major":"1","minor":"\d+"\}/);
    expect(out).toContain('{"version":"v3.21.4","git_tree_state":"clean","go_version":"go1.26.0"}');
  });

  it('.Files: Get, GetBytes, Lines, Glob, AsConfig, AsSecrets; templates/ and Chart.yaml are not files', async () => {
    const out = await renderTemplate([
      'get: {{ .Files.Get "config/a.txt" | quote }}',
      'bytes: {{ .Files.GetBytes "config/b.txt" }}',
      'lines: {{ range .Files.Lines "config/a.txt" }}[{{ . }}]{{ end }}',
      'glob: {{ range $path, $_ := .Files.Glob "config/*" }}{{ $path }} {{ end }}',
      'config:\n{{ (.Files.Glob "config/*").AsConfig | indent 2 }}',
      'secrets: {{ (.Files.Glob "config/b.txt").AsSecrets }}',
      'hidden: {{ .Files.Get "templates/NOTES.txt" | quote }} {{ .Files.Get "Chart.yaml" | quote }} {{ .Files.Get "nope" | quote }}',
    ].join('\n'));
    expect(out).toBe('get: "alpha\\n"\nbytes: [98 101 116 97]\nlines: [alpha]\nglob: config/a.txt config/b.txt \n'
      + 'config:\n  a.txt: |\n    alpha\n  b.txt: beta\nsecrets: b.txt: YmV0YQ==\nhidden: "" "" ""');
  });

  it('.Capabilities: KubeVersion parts, APIVersions.Has (with --api-versions), HelmVersion', async () => {
    const out = await renderTemplate('{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }} '
      + '{{ .Capabilities.KubeVersion.GitVersion }} {{ .Capabilities.APIVersions.Has "batch/v1" }} {{ .Capabilities.APIVersions.Has "example.com/v1" }} '
      + '{{ semverCompare ">=1.30-0" .Capabilities.KubeVersion.Version }} {{ .Capabilities.HelmVersion.Version | hasPrefix "v3." }}',
    { kubeVersion: '1.31.2', apiVersions: ['example.com/v1'] });
    expect(out).toBe('v1.31.2 1.31 v1.31.2 true true true true');
    expect(await renderTemplate('{{ .Capabilities.KubeVersion }} {{ .Capabilities.APIVersions.Has "example.com/v1" }}')).toBe('v1.36.0 false');
  });

  it('.Chart with capitalised fields, .Release, .Template and .Subcharts', async () => {
    const out = await renderTemplate('{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.APIVersion }} {{ .Chart.IsRoot }} '
      + '{{ .Chart.Keywords }} {{ (index .Chart.Maintainers 0).Name }} {{ .Chart.Annotations.owner }} {{ (index .Chart.Dependencies 0).Name }}\n'
      + '{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ typeOf .Release.Revision }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Service }}\n'
      + '{{ .Template.Name }} {{ .Template.BasePath }}\n'
      + '{{ .Subcharts.db.Values.port }} {{ .Subcharts.db.Chart.Name }} {{ .Subcharts.db.Chart.IsRoot }}', { releaseName: 'rel', namespace: 'ns' });
    expect(out).toBe('objs 1.2.3 4.5 v2 true [a b] Platform platform db\nrel ns 1 int true false Helm\nobjs/templates/NOTES.txt objs/templates\n5432 db false');
  });

  it('.Values: float64 numbers from YAML, int64 from --set, methods, natural-order toYaml, tpl', async () => {
    const values = buildUserValues({ set: ['n=5', 'f=1.5'] });
    const out = await renderTemplate('{{ .Values.port }} {{ .Values.big }} {{ typeOf .Values.port }} {{ typeOf .Values.n }} {{ typeOf .Values.f }}\n'
      + '{{ (.Values.Table "nested").k }} {{ .Values.PathValue "nested.b" }} {{ typeOf .Values }}\n'
      + '{{ toYaml .Values.nested }}\n{{ tpl .Values.tplText . }}', { values, releaseName: 'web' });
    expect(out).toBe('8080 1e+06 float64 int64 string\nv 2 chartutil.Values\n_z: z\na9: w\na10: x\nb: 2\nk: v\nweb-suffix');
  });

  it('library charts give helpers but render nothing', async () => {
    const out = await renderTemplate('{{ include "lib.hello" . }}', {}, {
      'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n',
      'charts/lib/templates/_hello.tpl': '{{ define "lib.hello" }}hello from {{ .Chart.Name }}{{ end }}',
      'charts/lib/templates/cm.yaml': 'kind: ConfigMap\n',
    });
    expect(out).toBe('hello from objs');
  });
});

describe('apiVersion v1 charts and value edge cases', () => {
  it('reads dependencies from requirements.yaml for apiVersion v1 charts and honours aliases and conditions', async () => {
    const chart = await loadChart(memoryReader({
      'old/Chart.yaml': 'name: old\nversion: 0.1.0\n',
      'old/requirements.yaml': 'dependencies:\n  - name: sub\n    version: ~1.0.0\n    alias: first\n  - name: sub\n    version: ~1.0.0\n    alias: second\n    condition: second.enabled\n',
      'old/values.yaml': 'second:\n  enabled: false\nfirst:\n  msg: hi\n',
      'old/charts/sub/Chart.yaml': 'name: sub\nversion: 1.0.3\n',
      'old/charts/sub/values.yaml': 'msg: default\n',
      'old/charts/sub/templates/NOTES.txt': '{{ .Chart.Name }} says {{ .Values.msg }}',
    }), 'old');
    const result = renderChartWithFuncs(chart, { funcs, subchartNotes: true });
    expect(Object.keys(result.renderedFiles)).toEqual(['old/charts/first/templates/NOTES.txt']);
    expect(result.notes).toBe('first says hi');
  });

  it('errors like Helm when a subchart section is not a table', async () => {
    const chart = await loadChart(memoryReader({
      'p/Chart.yaml': 'apiVersion: v2\nname: p\nversion: 0.1.0\n',
      'p/charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n',
    }), 'p');
    expect(() => renderChartWithFuncs(chart, { funcs, values: buildUserValues({ set: ['db=5'] }) })).toThrow('type mismatch on db: %!t(int64=5)');
  });
});

describe('values.schema.json messages (santhosh-tekuri/jsonschema v6 wording, as Helm 3.21 prints them)', () => {
  it('names the chart, the JSON pointer and the rule for each failing subchart', async () => {
    const schema = JSON.stringify({
      type: 'object', additionalProperties: false, required: ['image', 'team'],
      properties: {
        pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] }, replicas: { type: 'integer', maximum: 6 },
        name: { type: 'string', pattern: '^[a-z]+$' }, image: {}, team: {}, db: {}, global: {},
      },
    });
    const chart = await loadChart(memoryReader({
      'p/Chart.yaml': 'apiVersion: v2\nname: p\nversion: 0.1.0\n', 'p/values.schema.json': schema,
      'p/values.yaml': 'pullPolicy: Sometimes\nreplicas: 9\nname: Shop\nextra1: 1\nextra2: 2\n',
      'p/charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n', 'p/charts/db/values.yaml': 'size: 1\n',
      'p/charts/db/values.schema.json': JSON.stringify({ properties: { size: { type: 'string', minLength: 2 } } }),
    }), 'p');
    expect(() => renderChartWithFuncs(chart, { funcs })).toThrow("values don't meet the specifications of the schema(s) in the following chart(s):\n"
      + "p:\n- at '': missing properties 'image', 'team'\n- at '': additional properties 'extra1', 'extra2' not allowed\n"
      + "- at '/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'\n- at '/replicas': maximum: got 9, want 6\n"
      + "- at '/name': 'Shop' does not match pattern '^[a-z]+$'\ndb:\n- at '/size': got number, want string\n");
  });
});
