// Splits rendered files into manifests and hooks and sorts them as
// helm.sh/helm/v3/pkg/releaseutil (SplitManifests, SortManifests, InstallOrder) do.
import { YamlSyntaxProblem, parseHelmYaml } from './values-yaml.js';

/** Helm's InstallOrder (releaseutil/kind_sorter.go). */
export const INSTALL_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount',
  'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition',
  'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding',
  'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
];

const orderIndex = new Map(INSTALL_ORDER.map((kind, i) => [kind, i]));

const HOOK_EVENTS = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback', 'post-rollback',
  'test', 'test-success',
]);

/** The head of a manifest Helm reads (releaseutil.SimpleHead). */
export interface ManifestHead {
  apiVersion: string;
  kind: string;
  name: string;
  annotations: Record<string, string>;
}

/** One document of a rendered file. */
export interface SortedManifest {
  /** The template path, e.g. `web/templates/deployment.yaml`. */
  path: string;
  content: string;
  head: ManifestHead;
  /** Index of the document within its file (0-based). */
  documentIndex: number;
  /** Hook events (`pre-install`, `test`, ...) for hooks; empty for plain manifests. */
  hookEvents: string[];
  hookWeight: number;
  /** The document as parsed while reading its head (Helm's YAML reading). */
  parsed: unknown;
}

/** A YAML error in rendered output, with Helm's message. */
export class ManifestYamlProblem extends Error {
  constructor(message: string, readonly path: string, readonly documentIndex: number, readonly documentLine: number) {
    super(message);
  }
}

const separator = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;

/** Helm's SplitManifests: documents of a rendered file, trimmed, empty ones dropped. */
export function splitManifests(text: string): string[] {
  return text.trim().split(separator).filter((d) => d !== '').map((d) => d.trim());
}

function stringField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  return String(value);
}

// Parsed documents by text: live previews re-render mostly unchanged documents,
// and YAML parsing dominates render time. Parsed objects are shared: read-only.
const parseCache = new Map<string, unknown>();
const PARSE_CACHE_LIMIT = 4000;

/** Drops the parsed-document cache (memory pressure, or to measure cold renders). */
export function clearManifestCache(): void {
  parseCache.clear();
}

function parseCached(content: string): unknown {
  if (parseCache.has(content)) {
    const hit = parseCache.get(content);
    parseCache.delete(content);
    parseCache.set(content, hit);
    return hit;
  }
  const doc = parseHelmYaml(content);
  parseCache.set(content, doc);
  if (parseCache.size > PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value!);
  return doc;
}

function readHead(content: string, path: string, index: number): { head: ManifestHead; doc: unknown } {
  let doc: unknown;
  try {
    doc = parseCached(content);
  } catch (error) {
    if (error instanceof YamlSyntaxProblem) {
      throw new ManifestYamlProblem(`YAML parse error on ${path}: ${error.message}`, path, index, error.line);
    }
    throw new ManifestYamlProblem(`YAML parse error on ${path}: ${(error as Error).message}`, path, index, 1);
  }
  const head: ManifestHead = { apiVersion: '', kind: '', name: '', annotations: {} };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    if (doc !== null && doc !== undefined) {
      const got = Array.isArray(doc) ? 'array' : typeof doc === 'string' ? 'string' : typeof doc === 'boolean' ? 'bool' : 'number';
      throw new ManifestYamlProblem(`YAML parse error on ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${got} into Go value of type releaseutil.SimpleHead`, path, index, 1);
    }
    return { head, doc };
  }
  const o = doc as Record<string, unknown>;
  head.apiVersion = stringField(o.apiVersion);
  head.kind = stringField(o.kind);
  const metadata = o.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const md = metadata as Record<string, unknown>;
    head.name = stringField(md.name);
    if (md.annotations && typeof md.annotations === 'object') {
      for (const [k, v] of Object.entries(md.annotations as Record<string, unknown>)) head.annotations[k] = stringField(v);
    }
  }
  return { head, doc };
}

function lessByKind(a: string, b: string): boolean {
  const first = orderIndex.get(a);
  const second = orderIndex.get(b);
  if (first === undefined && second === undefined) return a !== b ? a < b : false;
  if (first === undefined) return false;
  if (second === undefined) return true;
  return first < second;
}

function stableSortByKind<T>(items: T[], kind: (item: T) => string): T[] {
  return items.map((item, i) => ({ item, i })).sort((x, y) => {
    const kx = kind(x.item);
    const ky = kind(y.item);
    if (lessByKind(kx, ky)) return -1;
    if (lessByKind(ky, kx)) return 1;
    return x.i - y.i;
  }).map((e) => e.item);
}

/**
 * SortManifests: files (path -> rendered text, partials and NOTES.txt already
 * removed) -> plain manifests and hooks, each in install order.
 */
export function sortManifests(files: Map<string, string>): { manifests: SortedManifest[]; hooks: SortedManifest[] } {
  const manifests: SortedManifest[] = [];
  const hooks: SortedManifest[] = [];
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const content = files.get(path)!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (content.trim() === '') continue;
    splitManifests(content).forEach((doc, index) => {
      const { head, doc: parsed } = readHead(doc, path, index);
      const entry: SortedManifest = { path, content: doc, head, documentIndex: index, hookEvents: [], hookWeight: 0, parsed };
      const hookAnnotation = head.annotations['helm.sh/hook'];
      if (hookAnnotation === undefined) {
        manifests.push(entry);
        return;
      }
      const events = hookAnnotation.split(',').map((e) => e.trim().toLowerCase());
      if (events.some((e) => !HOOK_EVENTS.has(e))) return;
      entry.hookEvents = events.map((e) => (e === 'test-success' ? 'test' : e));
      const weight = Number.parseInt(head.annotations['helm.sh/hook-weight'] ?? '', 10);
      entry.hookWeight = /^[+-]?\d+$/.test(head.annotations['helm.sh/hook-weight'] ?? '') ? weight : 0;
      hooks.push(entry);
    });
  }
  return { manifests: stableSortByKind(manifests, (m) => m.head.kind), hooks: stableSortByKind(hooks, (m) => m.head.kind) };
}
