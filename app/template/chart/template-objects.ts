// The objects a chart template sees (.Chart, .Files, .Capabilities, .Values,
// .Release), typed like Helm's Go structs so printing, typeOf and method calls match.
import {
  GoFuncError, GoObject, GoStruct, GoTypedMap, withGoType, funcValue, type GoFunction, type GoKind, type GoMap, type Value,
} from '../lang/value.js';
import { marshalYamlV2 } from '../funcs/yaml/to-yaml.js';
import { base64Encode, utf8Decode } from '../funcs/encoding-base.js';
import type { Chart, ChartFile } from './chart-types.js';
import { valuesPathValue, valuesTable } from './coalesce.js';
import { compileGlob } from './glob.js';

function method(call: (args: Value[]) => Value, params: string[] = []): GoFunction {
  return funcValue((args: Value[]) => call(args), { params });
}

/** A json struct tag: the key and whether empty values are left out. */
type JsonTag = { name: string; omitEmpty: boolean };
const tag = (name: string, omitEmpty = true): JsonTag => ({ name, omitEmpty });

/** encoding/json's notion of empty, for omitempty. */
function isEmptyJsonValue(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0 || value === 0n) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof GoObject) return false;
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return Object.keys(value).length === 0;
  return false;
}

/**
 * A Go struct whose fields carry json tags, so toJson/toYaml print Helm's
 * keys (`apiVersion`, `version`) rather than the Go field names, in field order.
 */
class JsonTaggedStruct extends GoStruct {
  constructor(goType: string, fields: Record<string, Value>, private readonly tags: Record<string, JsonTag>, methods: Record<string, GoFunction> = {}) {
    super(goType, fields, methods);
  }

  toJsonValue(): Value {
    const out: Record<string, Value> = {};
    for (const [field, value] of Object.entries(this.fields)) {
      const fieldTag = this.tags[field];
      if (fieldTag?.omitEmpty && isEmptyJsonValue(value)) continue;
      out[fieldTag?.name ?? field] = value;
    }
    return new GoStruct(this.goType, out);
  }
}

/** A struct that is also a fmt.Stringer (KubeVersion prints as its version). */
class StringerStruct extends JsonTaggedStruct {
  constructor(goType: string, fields: Record<string, Value>, tags: Record<string, JsonTag>, methods: Record<string, GoFunction>, private readonly text: string) {
    super(goType, fields, tags, methods);
  }

  override goString(): string {
    return this.text;
  }
}

const metadataTags: Record<string, JsonTag> = {
  Name: tag('name'), Home: tag('home'), Sources: tag('sources'), Version: tag('version'), Description: tag('description'),
  Keywords: tag('keywords'), Maintainers: tag('maintainers'), Icon: tag('icon'), APIVersion: tag('apiVersion'), Condition: tag('condition'),
  Tags: tag('tags'), AppVersion: tag('appVersion'), Deprecated: tag('deprecated'), Annotations: tag('annotations'),
  KubeVersion: tag('kubeVersion'), Dependencies: tag('dependencies'), Type: tag('type'),
};
const maintainerTags = { Name: tag('name'), Email: tag('email'), URL: tag('url') };
const dependencyTags = {
  Name: tag('name', false), Version: tag('version'), Repository: tag('repository', false), Condition: tag('condition'), Tags: tag('tags'),
  Enabled: tag('enabled'), ImportValues: tag('import-values'), Alias: tag('alias'),
};

function yamlOf(value: Value): string {
  try {
    return marshalYamlV2(value);
  } catch {
    return '';
  }
}

/** Helm's engine.files: map[string][]byte with Get/GetBytes/Glob/Lines/AsConfig/AsSecrets. */
export class ChartFiles extends GoObject {
  readonly goType = 'engine.files';
  readonly goKind: GoKind = 'map';
  private readonly methods: Record<string, GoFunction>;

  constructor(readonly entries: Map<string, Uint8Array>) {
    super();
    this.methods = {
      Get: method(([name]) => utf8Decode(this.entries.get(String(name)) ?? new Uint8Array()), ['string']),
      GetBytes: method(([name]) => this.entries.get(String(name)) ?? new Uint8Array(), ['string']),
      Glob: method(([pattern]) => this.glob(String(pattern)), ['string']),
      Lines: method(([name]) => this.lines(String(name)), ['string']),
      AsConfig: method(() => this.asMapYaml((data) => utf8Decode(data))),
      AsSecrets: method(() => this.asMapYaml((data) => base64Encode(data))),
    };
  }

  /** Builds the .Files object from chart files. */
  static from(files: ChartFile[]): ChartFiles {
    return new ChartFiles(new Map(files.map((f) => [f.name, f.data])));
  }

  override goMap(): GoMap {
    const map: GoMap = {};
    for (const [name, data] of this.entries) map[name] = data;
    return map;
  }

  override goMethod(name: string): GoFunction | undefined {
    return Object.hasOwn(this.methods, name) ? this.methods[name] : undefined;
  }

  private glob(pattern: string): ChartFiles {
    const match = compileGlob(pattern) ?? compileGlob('**')!;
    return new ChartFiles(new Map([...this.entries].filter(([name]) => match(name))));
  }

  private lines(name: string): Value {
    const data = this.entries.get(name);
    if (!data) return withGoType([], '[]string');
    let text = utf8Decode(data);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    return withGoType(text.split('\n'), '[]string');
  }

  private asMapYaml(encode: (data: Uint8Array) => string): string {
    const map: GoMap = {};
    for (const [name, data] of this.entries) map[name.slice(name.lastIndexOf('/') + 1)] = encode(data);
    return yamlOf(map).replace(/\n$/, '');
  }
}

/** chartutil.Values: a map whose methods (YAML, Table, AsMap, PathValue) shadow keys. */
export function valuesObject(map: GoMap): GoTypedMap {
  const self: GoTypedMap = new GoTypedMap('chartutil.Values', map, {
    YAML: method(() => yamlOf(map)),
    AsMap: method(() => map),
    Table: method(([name]) => {
      const table = valuesTable(map, String(name));
      if (!table) throw new GoFuncError(`no table named "${String(name)}"`);
      return valuesObject(table);
    }, ['string']),
    PathValue: method(([path]) => {
      const found = valuesPathValue(map, String(path));
      if (!found.found) throw new GoFuncError(`"${String(path)}" is not a value`);
      return found.value;
    }, ['string']),
  });
  return self;
}

/** A parsed Kubernetes version as .Capabilities.KubeVersion shows it. */
export interface KubeVersion {
  version: string;
  major: string;
  minor: string;
}

/** chartutil.ParseKubeVersion: "1.31" -> v1.31.0; undefined when not a semantic version. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const major = String(Number(m[1]));
  const minor = String(Number(m[2] ?? 0));
  const patch = String(Number(m[3] ?? 0));
  return { version: `v${major}.${minor}.${patch}${m[4] ?? ''}${m[5] ?? ''}`, major, minor };
}

/** Helm 3.21's built-in version set (client-go scheme group versions plus apiextensions). */
export const DEFAULT_API_VERSIONS = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1', 'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1', 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2', 'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1', 'coordination.k8s.io/v1',
  'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1alpha2', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1', 'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'networking.k8s.io/v1alpha1', 'node.k8s.io/v1', 'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1', 'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1', 'resource.k8s.io/v1', 'resource.k8s.io/v1beta1', 'resource.k8s.io/v1beta2',
  'resource.k8s.io/v1alpha3', 'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1beta1',
  'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1alpha1', 'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

/** What `helm version` reports inside templates (.Capabilities.HelmVersion). */
export const HELM_VERSION = { version: 'v3.21.4', gitCommit: '', gitTreeState: 'clean', goVersion: 'go1.26.0' };

/** chartutil.VersionSet: a []string with Has. */
class VersionSet extends GoObject {
  readonly goType = 'chartutil.VersionSet';
  readonly goKind: GoKind = 'slice';
  constructor(readonly versions: string[]) {
    super();
  }

  override goSlice(): Value[] {
    return this.versions;
  }

  override goMethod(name: string): GoFunction | undefined {
    if (name === 'Has') return method(([v]) => this.versions.includes(String(v)), ['string']);
    return undefined;
  }
}

/** The .Capabilities struct. */
export function capabilitiesObject(kube: KubeVersion, apiVersions: string[]): GoStruct {
  const kubeVersion = new StringerStruct('chartutil.KubeVersion', { Version: kube.version, Major: kube.major, Minor: kube.minor },
    { Version: tag('version', false), Major: tag('major', false), Minor: tag('minor', false) }, {
    String: method(() => kube.version),
    GitVersion: method(() => kube.version),
  }, kube.version);
  const helmVersion = new JsonTaggedStruct('version.BuildInfo', {
    Version: HELM_VERSION.version, GitCommit: HELM_VERSION.gitCommit, GitTreeState: HELM_VERSION.gitTreeState,
    GoVersion: HELM_VERSION.goVersion,
  }, { Version: tag('version'), GitCommit: tag('git_commit'), GitTreeState: tag('git_tree_state'), GoVersion: tag('go_version') });
  return new GoStruct('*chartutil.Capabilities', {
    APIVersions: new VersionSet(apiVersions), KubeVersion: kubeVersion, HelmVersion: helmVersion,
  });
}

/** .Chart: chart.Metadata embedded with IsRoot, as recAllTpls builds it. */
export function chartObject(chart: Chart): GoStruct {
  const md = chart.metadata;
  const maintainers = withGoType(md.maintainers.map((m) => new JsonTaggedStruct('*chart.Maintainer', { Name: m.name, Email: m.email, URL: m.url }, maintainerTags)), '[]*chart.Maintainer');
  const dependencies = withGoType(md.dependencies.map((d) => new JsonTaggedStruct('*chart.Dependency', {
    Name: d.name, Version: d.version, Repository: d.repository, Condition: d.condition, Tags: withGoType([...d.tags], '[]string'),
    Enabled: d.enabled, ImportValues: d.importValues as Value[], Alias: d.alias,
  }, dependencyTags)), '[]*chart.Dependency');
  return new JsonTaggedStruct('struct { chart.Metadata; IsRoot bool }', {
    Name: md.name, Home: md.home, Sources: withGoType([...md.sources], '[]string'), Version: md.version, Description: md.description,
    Keywords: withGoType([...md.keywords], '[]string'), Maintainers: maintainers, Icon: md.icon, APIVersion: md.apiVersion,
    Condition: md.condition, Tags: md.tags, AppVersion: md.appVersion, Deprecated: md.deprecated,
    Annotations: withGoType({ ...md.annotations }, 'map[string]string'), KubeVersion: md.kubeVersion, Dependencies: dependencies,
    Type: md.type, IsRoot: chart.parent === undefined,
  }, metadataTags);
}
