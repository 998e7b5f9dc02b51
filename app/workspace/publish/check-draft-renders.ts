import type { ServiceDefinition } from '../model/workspace-model-types.js';
import { satisfiesRange } from '../versions/semver.js';
import { serviceEnvironments, type ServiceRenderer } from '../versions/service-renderer.js';
import type { TemplateSource } from '../versions/template-source.js';

/** Outcome of rendering the draft for every service that would pick it up. */
export interface DraftRenderCheck {
  /** Services whose version range accepts the new version. */
  services: string[];
  renders: number;
  failures: { service: string; environment: string; message: string }[];
}

/** Services of `template` whose `version` range accepts `version` (they would get it without an edit). */
export function servicesPickingUp(services: ServiceDefinition[], template: string, version: string): ServiceDefinition[] {
  return services.filter((service) => {
    if (service.template !== template) return false;
    try {
      return satisfiesRange(version, service.version);
    } catch {
      return false; // An invalid range is reported by the workspace model.
    }
  });
}

/**
 * Renders the draft as `version` for every service and environment that would pick it up.
 * @example const check = await checkDraftRenders({ draft, version: '1.5.0', services: model.services, render }); check.failures
 */
export async function checkDraftRenders(input: { draft: TemplateSource; version: string; services: ServiceDefinition[]; render: ServiceRenderer; kubeVersion?: string }): Promise<DraftRenderCheck> {
  const affected = servicesPickingUp(input.services, input.draft.template, input.version);
  const failures: DraftRenderCheck['failures'] = [];
  let renders = 0;
  for (const service of affected) {
    for (const environment of serviceEnvironments(service)) {
      renders++;
      try {
        await input.render({ source: input.draft, service, environment, kubeVersion: input.kubeVersion });
      } catch (error) {
        failures.push({ service: service.name, environment: environment ?? '(default)', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { services: affected.map((service) => service.name), renders, failures };
}
