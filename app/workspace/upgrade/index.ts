// The upgrade assistant (issue 4).
export { planUpgrade, rewriteVersionRequest, type UpgradePlan, type ServiceUpgradePlan, type EnvironmentDiff } from './plan-upgrade.js';
export { applyUpgrade, setServiceTemplateVersion, type AppliedUpgrade } from './apply-upgrade.js';
export { migrationHints, type MigrationHint, type TemplateValuesShape } from './migration-hints.js';
