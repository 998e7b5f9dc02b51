// Template versions (issue 4): published tags, trees at a version, semver ranges, usage, rendering a service.
export { listTemplateVersions, type TemplateVersion } from './list-template-versions.js';
export { readTemplateAtVersion, type TemplateTree } from './read-template-at-version.js';
export { readTemplateDraft, readTemplateDocument, templateChartReader, type TemplateSource } from './template-source.js';
export { resolveTemplateVersion } from './resolve-template-version.js';
export { usageMatrix, type TemplateUsage } from './usage-matrix.js';
export { templateTagName, parseTemplateTagName } from './template-tags.js';
export { parseVersion, formatVersion, compareVersions, bumpVersion, parseRange, satisfiesRange, maxSatisfying, isExactVersion, type SemVer } from './semver.js';
export {
  createEngineServiceRenderer, serviceEnvironments, serviceValues, mergeValues, type ServiceRenderer, type ServiceRenderRequest,
} from './service-renderer.js';
