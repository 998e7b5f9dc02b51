import type { ServiceDefinition } from '../model/workspace-model-types.js';
import type { TemplateVersion } from './list-template-versions.js';
import { maxSatisfying, parseRange } from './semver.js';

/** One service's use of a template: what it asks for, what that resolves to, and where it runs. */
export interface TemplateUsage {
  template: string;
  service: string;
  file: string;
  team: string | undefined;
  /** The version or range as written in the service file. */
  requested: string;
  /** The published version it resolves to, or undefined when none matches. */
  resolved: string | undefined;
  /** Newest published version of the template. */
  latest: string | undefined;
  behindLatest: boolean;
  environments: string[];
}

/**
 * Builds the template x version x services x environments table behind the Services view.
 * @example usageMatrix(model.services, await listTemplateVersions(dir)) // [{template: 'web-service', service: 'checkout', resolved: '1.5.0', latest: '2.0.0', behindLatest: true, ...}]
 */
export function usageMatrix(services: ServiceDefinition[], published: TemplateVersion[]): TemplateUsage[] {
  const versionsByTemplate = new Map<string, string[]>();
  for (const entry of published) versionsByTemplate.set(entry.template, [...(versionsByTemplate.get(entry.template) ?? []), entry.version]);
  const latestByTemplate = new Map<string, string | undefined>();
  for (const [template, versions] of versionsByTemplate) latestByTemplate.set(template, maxSatisfying(versions, '*'));
  return services.map((service) => {
    const versions = versionsByTemplate.get(service.template) ?? [];
    let resolved: string | undefined;
    try {
      parseRange(service.version);
      resolved = maxSatisfying(versions, service.version);
    } catch {
      resolved = undefined; // An invalid range is reported by the workspace model's problems.
    }
    const latest = latestByTemplate.get(service.template);
    return {
      template: service.template, service: service.name, file: service.file, team: service.labels.team,
      requested: service.version, resolved, latest, behindLatest: resolved !== undefined && latest !== undefined && resolved !== latest,
      environments: Object.keys(service.environments),
    };
  }).sort((a, b) => a.template.localeCompare(b.template) || a.service.localeCompare(b.service));
}
