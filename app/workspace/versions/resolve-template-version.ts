import { TemplateVersionNotFoundError } from '../../errors/index.js';
import { maxSatisfying } from './semver.js';
import type { TemplateVersion } from './list-template-versions.js';

/**
 * Resolves a service's `version` (exact or range) to the highest published version that matches.
 * @example resolveTemplateVersion(versions, 'web-service', '^1.4.0') // '1.10.1'
 */
export function resolveTemplateVersion(published: TemplateVersion[], template: string, range: string): string {
  const versions = published.filter((entry) => entry.template === template).map((entry) => entry.version);
  const match = maxSatisfying(versions, range);
  if (match === undefined) {
    const list = versions.length ? `Published: ${versions.join(', ')}.` : 'It has no published versions yet; publish one first.';
    throw new TemplateVersionNotFoundError(`No published version of '${template}' matches '${range}'. ${list}`, { template, version: range, published: versions });
  }
  return match;
}
