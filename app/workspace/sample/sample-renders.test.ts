// The sample must give rendering, simulation and upgrades something real to
// show: every service renders with Paver's engine at the version its pin
// resolves to, and the rendered objects carry the scenario's designed flaws.
import * as fs from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateRenderError } from '../../errors/index.js';
import { buildUserValues, loadChart, renderChart, type ChartRenderResult } from '../../template/index.js';
import '../../template/funcs/index.js';
import { gitTreeReader } from '../../template-host/git-tree-reader.js';
import { nodeFileReader } from '../../template-host/node-file-reader.js';
import { nodeTemplateHost } from '../../template-host/node-template-host.js';
import { createPolicySet, evaluateAdmission, type KubeObject } from '../../policy/index.js';
import { createSampleWorkspace } from './create-sample-workspace.js';
import { defaultSampleDir } from './resources-dir.js';

interface SampleService {
  metadata: { name: string; labels: { team: string } };
  spec: { template: string; version: string; values?: unknown; environments: Record<string, { namespace: string; values?: unknown }> };
}

const resolvedVersions: Record<string, string> = {
  'cert-rotator': '1.0.0', checkout: '2.0.0', 'docs-portal': '2.0.0', 'feature-flags': '2.0.0',
  'ledger-reconcile': '1.1.0', 'legacy-billing': '1.2.0', 'log-shipper': '1.1.1', 'payment-events': '1.1.1',
  'payments-api': '2.0.0', 'search-api': '1.2.0', 'search-crawler': '1.0.0', 'search-frontend': '2.0.0',
  'search-indexer': '1.1.1', 'search-reindex': '1.1.0', 'status-page': '1.0.0',
};

let root: string;
let dir: string;
let services: SampleService[];
const cache = {};
const rendered = new Map<string, ChartRenderResult>();

async function chartAt(ref: string, template: string) {
  const commit = await git.resolveRef({ fs, dir, ref });
  const source = {
    async listTree(path: string) {
      try {
        const { tree } = await git.readTree({ fs, dir, cache, oid: commit, filepath: path || undefined });
        return tree.map((entry) => ({ name: entry.path, type: entry.type === 'tree' ? 'tree' as const : 'blob' as const }));
      } catch {
        return undefined;
      }
    },
    async readBlob(path: string) {
      try {
        return (await git.readBlob({ fs, dir, cache, oid: commit, filepath: path })).blob;
      } catch {
        return undefined;
      }
    },
  };
  return loadChart(gitTreeReader(source), `templates/${template}`);
}

function render(chart: Awaited<ReturnType<typeof chartAt>>, service: SampleService, environment: string): ChartRenderResult {
  const settings = service.spec.environments[environment];
  const values = buildUserValues({
    valueFiles: [
      { path: `services/${service.metadata.name}.yaml#spec.values`, text: stringify(service.spec.values ?? {}) },
      { path: `services/${service.metadata.name}.yaml#spec.environments.${environment}.values`, text: stringify(settings.values ?? {}) },
    ],
  });
  return renderChart(chart, { values, releaseName: service.metadata.name, namespace: settings.namespace, kubeVersion: '1.31', host: nodeTemplateHost() });
}

function workload(result: ChartRenderResult): Record<string, any> {
  const object = result.objects.find((candidate) => candidate.kind === 'Deployment' || candidate.kind === 'CronJob');
  return object!.object as Record<string, any>;
}

function podSpec(object: Record<string, any>): Record<string, any> {
  return object.kind === 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-sample-render-'));
  dir = join(root, 'acme-platform');
  await createSampleWorkspace(dir, { sampleDir: defaultSampleDir(), now: new Date('2026-11-27T12:00:00Z') });
  services = await Promise.all((await readdir(join(dir, 'services'))).sort().map(async (file) => parse(await readFile(join(dir, 'services', file), 'utf8')) as SampleService));
  for (const service of services) {
    const version = resolvedVersions[service.metadata.name];
    const chart = await chartAt(`templates/${service.spec.template}/v${version}`, service.spec.template);
    for (const environment of Object.keys(service.spec.environments)) rendered.set(`${service.metadata.name}/${environment}`, render(chart, service, environment));
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the sample services rendered with Paver\'s engine', () => {
  it('render in every environment, and every object carries the Paver labels of its service and template version', () => {
    expect(rendered.size).toBe(29);
    for (const service of services) {
      for (const environment of Object.keys(service.spec.environments)) {
        const result = rendered.get(`${service.metadata.name}/${environment}`)!;
        expect(result.objects.length).toBeGreaterThan(0);
        for (const object of result.objects) {
          expect(object.namespace === '' || object.namespace === service.spec.environments[environment].namespace).toBe(true);
          expect((object.object as any).metadata.labels, `${service.metadata.name}/${environment} ${object.kind}`).toMatchObject({
            'app.kubernetes.io/name': service.spec.template,
            'app.kubernetes.io/instance': service.metadata.name,
            'app.kubernetes.io/managed-by': 'paver',
            'paver.dev/service': service.metadata.name,
            'paver.dev/template': service.spec.template,
            'paver.dev/template-version': resolvedVersions[service.metadata.name],
          });
        }
      }
    }
  });

  it('carries the flaws the policies are designed to catch in prod', () => {
    expect(workload(rendered.get('search-frontend/prod')!).spec.replicas).toBe(1);
    expect(podSpec(workload(rendered.get('docs-portal/prod')!)).containers[0].image).toBe('ghcr.io/acme/docs-portal:latest');
    expect(podSpec(workload(rendered.get('search-indexer/prod')!)).containers[0].resources.limits).toBeUndefined();
    expect(podSpec(workload(rendered.get('status-page/prod')!)).containers[0].readinessProbe).toBeUndefined();
    expect(podSpec(workload(rendered.get('cert-rotator/prod')!)).securityContext).toBeUndefined();
    expect(workload(rendered.get('search-api/prod')!).metadata.labels['paver.dev/team']).toBeUndefined();
  });

  it('gives the well-kept prod services what the policies ask for', () => {
    for (const name of ['checkout', 'payments-api', 'payment-events', 'log-shipper', 'ledger-reconcile', 'search-reindex']) {
      const object = workload(rendered.get(`${name}/prod`)!);
      if (object.kind === 'Deployment') expect(object.spec.replicas, name).toBeGreaterThanOrEqual(2);
      const pod = podSpec(object);
      expect(pod.securityContext.runAsNonRoot, name).toBe(true);
      for (const container of pod.containers) {
        expect(container.resources.limits, name).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
        expect(container.image, name).not.toMatch(/:latest$/);
      }
      expect(object.metadata.labels['paver.dev/team'], name).toBe(services.find((service) => service.metadata.name === name)!.metadata.labels.team);
    }
  });

  it('renders the unpublished web-service draft for every service on 2.x, as publishing checks', async () => {
    const draft = await loadChart(nodeFileReader(dir), 'templates/web-service');
    for (const service of services.filter((candidate) => candidate.spec.template === 'web-service' && resolvedVersions[candidate.metadata.name].startsWith('2.'))) {
      for (const environment of Object.keys(service.spec.environments)) {
        const result = render(draft, service, environment);
        expect(workload(result).metadata.labels['paver.dev/template-version']).toBe('2.1.0');
      }
    }
  });

  it('refuses 1.x values on web-service 2.0.0, which is what the upgrade assistant must migrate', async () => {
    const chart = await chartAt('templates/web-service/v2.0.0', 'web-service');
    const legacy = services.find((service) => service.metadata.name === 'legacy-billing')!;
    let failure: unknown;
    try {
      render(chart, legacy, 'prod');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(TemplateRenderError);
    expect(String((failure as Error).message)).toMatch(/image|team|imagePullPolicy/);
  });

  it('produce the designed admission outcomes, today and once the warnings escalate', async () => {
    const policyObjects: KubeObject[] = [];
    for (const file of (await readdir(join(dir, 'policies'))).sort()) {
      for (const document of parseAllDocuments(await readFile(join(dir, 'policies', file), 'utf8'))) policyObjects.push(document.toJS());
    }
    const set = createPolicySet(policyObjects);
    const namespaceLabels: Record<string, Record<string, string>> = { dev: { env: 'dev' }, prod: { env: 'prod', 'acme.io/tier': 'production' } };
    const outcomes = (asOf: string) => {
      const found: Record<string, string[]> = {};
      const notEvaluated = new Set<string>();
      for (const [key, result] of rendered) {
        const [, environment] = key.split('/');
        for (const object of result.objects) {
          const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: object.namespace, labels: { 'kubernetes.io/metadata.name': object.namespace, ...namespaceLabels[environment] } } };
          const admission = evaluateAdmission(set, { operation: 'CREATE', object: { ...(object.object as KubeObject), metadata: { ...(object.object as any).metadata, namespace: object.namespace } }, namespaceObject: namespace, asOf });
          expect(admission.errors, key).toEqual([]);
          for (const violation of admission.violations) {
            // Gatekeeper reports the template as the policy and the constraint as the binding.
            (found[key] ??= []).push(`${violation.action}${violation.podTemplate ? ' (pods)' : ''} ${violation.binding === violation.policy ? violation.policy : `${violation.policy}/${violation.binding}`}`);
          }
          for (const skipped of admission.notEvaluated) notEvaluated.add(skipped.binding ?? skipped.policy);
        }
      }
      for (const key of Object.keys(found)) found[key] = [...new Set(found[key])].sort();
      return { found, notEvaluated: [...notEvaluated].sort() };
    };
    const teamLabel = 'Warn k8srequiredlabels/workloads-need-team';
    const today = outcomes('2026-11-27');
    expect(today.found).toEqual({
      'cert-rotator/dev': ['Audit run-as-non-root/pod-security-context', teamLabel],
      'cert-rotator/prod': ['Audit run-as-non-root/pod-security-context', teamLabel],
      'docs-portal/prod': ['Deny (pods) k8sdisallowedtags/disallow-latest-tag'],
      'legacy-billing/dev': [teamLabel],
      'legacy-billing/prod': [teamLabel],
      'search-api/dev': [teamLabel],
      'search-api/prod': [teamLabel],
      'search-crawler/dev': [teamLabel],
      'search-crawler/prod': [teamLabel],
      'search-frontend/prod': ['Deny prod-min-replicas'],
      'search-indexer/prod': ['Deny require-resource-limits'],
      'status-page/dev': [teamLabel, 'Warn require-readiness-probes'],
      'status-page/prod': [teamLabel, 'Warn require-readiness-probes'],
    });
    expect(today.notEvaluated.join(' ')).toMatch(/acme-registry-only|k8sallowedrepos/);
    expect(today.notEvaluated.join(' ')).toContain('namespace-has-quota');
    const escalated = outcomes('2027-02-01');
    expect(escalated.found['status-page/prod']).toEqual(['Deny require-readiness-probes', teamLabel]);
  });
});
