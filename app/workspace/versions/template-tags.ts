// Published template versions are annotated tags `templates/<name>/v<semver>`
// (Go's convention for modules inside a monorepo).
import { parseVersion } from './semver.js';

/** The tag name of a published version, e.g. `templates/web-service/v1.4.0`. */
export function templateTagName(template: string, version: string): string {
  return `templates/${template}/v${version.replace(/^v/, '')}`;
}

/** Splits a tag name into template and version, or undefined for other tags. */
export function parseTemplateTagName(tag: string): { template: string; version: string } | undefined {
  const match = /^templates\/(.+)\/v([^/]+)$/.exec(tag);
  if (!match || !parseVersion(match[2]!)) return undefined;
  return { template: match[1]!, version: match[2]! };
}
