// The parsed workspace: what paver.yaml, services/*.yaml and policies/*.yaml say,
// plus every problem found, each pointing at a file, line and column.

/** One thing wrong with a workspace file. Lines and columns are 1-based. */
export interface WorkspaceProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** An environment declared in paver.yaml. */
export interface EnvironmentDefinition {
  name: string;
  context?: string;
  [key: string]: unknown;
}

/** paver.yaml. */
export interface WorkspaceDefinition {
  file: string;
  name: string;
  kubeVersion?: string;
  environments: EnvironmentDefinition[];
  spec: Record<string, unknown>;
}

/** One environment of a service: namespace and values layered over the service's values. */
export interface ServiceEnvironment {
  namespace?: string;
  values: Record<string, unknown>;
  [key: string]: unknown;
}

/** services/<name>.yaml. */
export interface ServiceDefinition {
  file: string;
  name: string;
  labels: Record<string, string>;
  template: string;
  /** Exact version or semver range as written. */
  version: string;
  values: Record<string, unknown>;
  environments: Record<string, ServiceEnvironment>;
}

/** One YAML document of a policies/*.yaml file. */
export interface PolicyDocument {
  file: string;
  /** Index of the document within its file (files may hold a policy and its bindings). */
  index: number;
  apiVersion: string;
  kind: string;
  name: string;
  body: Record<string, unknown>;
}

/** Everything the workspace files declare. */
export interface WorkspaceModel {
  dir: string;
  workspace: WorkspaceDefinition | undefined;
  services: ServiceDefinition[];
  policies: PolicyDocument[];
  /** Template folder names under templates/ (the drafts). */
  templates: string[];
  problems: WorkspaceProblem[];
}
