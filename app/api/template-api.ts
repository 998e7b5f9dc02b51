import type { GitDiffHunk } from './git-api.js';

export type BumpLevelName = 'major' | 'minor' | 'patch';

/** One published version of a template (an annotated tag `templates/<name>/v<version>`). */
export interface TemplateVersionInfo {
  template: string;
  version: string;
  tag: string;
  commit: string;
  date: string;
  author: { name: string; email: string };
  /** The tag message. */
  changelog: string;
}

/** A template folder and its published versions, newest first. */
export interface TemplateSummary {
  name: string;
  latest?: string;
  versions: TemplateVersionInfo[];
  /** Services using it. */
  services: number;
}

/** One file that differs between two versions of a template (paths relative to the template folder). */
export interface TemplateFileChange {
  path: string;
  change: 'added' | 'modified' | 'deleted';
  oldText?: string;
  newText?: string;
}

/** What publishing would do, before doing it. */
export interface PublishPreview {
  template: string;
  previousVersion?: string;
  suggestedBump: BumpLevelName;
  bumpReasons: string[];
  /** The version the request (or the suggestion) leads to. */
  version: string;
  /** The next version per bump level. */
  nextVersions: Record<BumpLevelName, string>;
  /** Files of the template changed since the previous version (draft vs tag). */
  changedFiles: string[];
  /** The render check for `version`: services that would pick it up and what failed. */
  check: { services: string[]; renders: number; failures: { service: string; environment: string; message: string }[] };
  /** Uncommitted changes outside the template: not part of the publish commit. */
  unrelatedChanges: string[];
}

/** What a publish did. */
export interface PublishOutcome {
  template: string;
  version: string;
  previousVersion?: string;
  tag: string;
  commit: string;
  checkedServices: string[];
  renders: number;
  unrelatedChanges: string[];
}

/** One row of the service table: a service in one environment on a template version. */
export interface ServiceUsageRow {
  service: string;
  file: string;
  team?: string;
  template: string;
  /** `(default)` when the service declares no environments. */
  environment: string;
  requested: string;
  resolved?: string;
  latest?: string;
  behindLatest: boolean;
}

/** The service × environment × template version table. */
export interface ServiceUsageTable {
  rows: ServiceUsageRow[];
  templates: { name: string; latest?: string; versions: string[] }[];
  environments: string[];
  teams: string[];
}

/** A value the target version rejects or no longer reads. */
export interface MigrationHintInfo {
  kind: 'rejected' | 'unread';
  path: string;
  environments: string[];
  message: string;
}

/** Rendered before/after of one service in one environment. */
export interface EnvironmentDiffInfo {
  environment: string;
  before?: string;
  after?: string;
  beforeError?: string;
  afterError?: string;
  hunks: GitDiffHunk[];
}

/** The upgrade of one service. */
export interface ServiceUpgradeInfo {
  service: string;
  file: string;
  requested: string;
  from?: string;
  newRequested: string;
  environments: EnvironmentDiffInfo[];
  hints: MigrationHintInfo[];
}

/** An upgrade plan: what each chosen service looks like on the target version. */
export interface UpgradePlanInfo {
  template: string;
  to: string;
  services: ServiceUpgradeInfo[];
  skipped: { service: string; reason: string }[];
}

/** Template versions, publishing, the service table and the upgrade assistant. */
export interface TemplateApi {
  listTemplates(): Promise<TemplateSummary[]>;
  listVersions(request: { template: string }): Promise<TemplateVersionInfo[]>;
  /** Files changed between two versions; `'draft'` is the working tree. */
  diffVersions(request: { template: string; from: string; to: string }): Promise<TemplateFileChange[]>;
  /** The bump suggestion and render check, without changing anything. */
  previewPublish(request: { template: string; bump?: BumpLevelName; version?: string }): Promise<PublishPreview>;
  /** Checks the draft renders, commits it with Chart.yaml's version set, and tags it with the changelog. */
  publish(request: { template: string; bump?: BumpLevelName; version?: string; message: string }): Promise<PublishOutcome>;
  serviceUsage(): Promise<ServiceUsageTable>;
  /** Rendered before/after per service and environment, and migration hints. */
  planUpgrade(request: { template: string; to: string; services?: string[] }): Promise<UpgradePlanInfo>;
  /** Edits the services' `spec.version` and commits on a new branch (switched to). */
  applyUpgrade(request: { template: string; to: string; services?: string[]; branch?: string; message?: string }): Promise<{ branch: string; commit: string; files: string[] }>;
}
