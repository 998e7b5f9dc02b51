// Cross-file checks: what each file says must agree with the others and with
// the published versions in Git.
import type { ParsedDocument } from './parse-workspace-file.js';
import type { ServiceDefinition, WorkspaceDefinition, WorkspaceProblem, PolicyDocument } from './workspace-model-types.js';
import type { TemplateVersion } from '../versions/list-template-versions.js';
import { maxSatisfying, parseRange } from '../versions/semver.js';

/** A service together with the parsed document it came from, for positions. */
export interface LocatedService { service: ServiceDefinition; document: ParsedDocument }
/** A policy with its parsed document. */
export interface LocatedPolicy { policy: PolicyDocument; document: ParsedDocument }

/**
 * Reports unknown templates, versions that resolve to no published version, environments
 * paver.yaml does not declare, and duplicate service names.
 * @example checkWorkspaceReferences({workspace, services, policies, templates: ['web-service'], published}) // WorkspaceProblem[]
 */
export function checkWorkspaceReferences(input: {
  workspace: WorkspaceDefinition | undefined;
  services: LocatedService[];
  policies: LocatedPolicy[];
  templates: string[];
  published: TemplateVersion[];
}): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = [];
  const knownTemplates = new Set([...input.templates, ...input.published.map((entry) => entry.template)]);
  const versionsByTemplate = new Map<string, string[]>();
  for (const entry of input.published) {
    const list = versionsByTemplate.get(entry.template) ?? [];
    list.push(entry.version);
    versionsByTemplate.set(entry.template, list);
  }
  const environments = new Set(input.workspace?.environments.map((environment) => environment.name) ?? []);
  const firstByName = new Map<string, ServiceDefinition>();
  const verdicts = new Map<string, 'ok' | 'invalid' | 'unresolved'>();
  for (const { service, document } of input.services) {
    const at = (path: string[], preferKey = false) => ({ file: service.file, ...document.locate(path, preferKey) });
    const previous = firstByName.get(service.name);
    if (previous) problems.push({ ...at(['metadata', 'name']), message: `duplicate service name '${service.name}' (also in ${previous.file}); rename one of them` });
    else firstByName.set(service.name, service);
    if (!knownTemplates.has(service.template)) {
      problems.push({ ...at(['spec', 'template']), message: `unknown template '${service.template}'; templates: ${[...knownTemplates].sort().join(', ') || 'none'}` });
    } else {
      const published = versionsByTemplate.get(service.template) ?? [];
      // Thousands of services share a few (template, range) pairs.
      const pair = `${service.template}\0${service.version}`;
      let verdict = verdicts.get(pair);
      if (verdict === undefined) {
        let valid = true;
        try { parseRange(service.version); } catch { valid = false; }
        verdict = !valid ? 'invalid' : maxSatisfying(published, service.version) === undefined ? 'unresolved' : 'ok';
        verdicts.set(pair, verdict);
      }
      if (verdict === 'invalid') problems.push({ ...at(['spec', 'version']), message: `'${service.version}' is not a version or range (examples: 1.4.0, ^1.4.0, ~1.4)` });
      else if (verdict === 'unresolved') {
        const list = published.length ? `published: ${published.join(', ')}` : 'no version is published yet';
        problems.push({ ...at(['spec', 'version']), message: `version '${service.version}' of '${service.template}' does not resolve (${list})` });
      }
    }
    if (input.workspace) {
      for (const name of Object.keys(service.environments)) {
        if (!environments.has(name)) {
          problems.push({ ...at(['spec', 'environments', name], true), message: `environment '${name}' is not declared in paver.yaml (declared: ${[...environments].join(', ') || 'none'})` });
        }
      }
    }
  }
  for (const { policy, document } of input.policies) {
    const template = (policy.body.spec as Record<string, unknown> | undefined)?.template;
    if (policy.kind === 'TemplatePolicy' && typeof template === 'string' && !knownTemplates.has(template)) {
      problems.push({ file: policy.file, ...document.locate(['spec', 'template']), message: `unknown template '${template}'` });
    }
  }
  return problems;
}
