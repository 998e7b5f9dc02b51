// Publishing a template version (issue 4).
export { publishTemplateVersion, type PublishRequest, type PublishResult } from './publish-template-version.js';
export { suggestVersionBump, type BumpLevel, type BumpSuggestion } from './suggest-version-bump.js';
export { checkDraftRenders, servicesPickingUp, type DraftRenderCheck } from './check-draft-renders.js';
export { setChartVersion } from './set-chart-version.js';
