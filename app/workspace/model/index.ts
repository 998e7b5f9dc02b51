// The workspace model (issue 4): paver.yaml, services and policies, validated, with positioned problems.
export { loadWorkspace, listTemplateFolders, type LoadWorkspaceOptions } from './load-workspace.js';
export { loadWorkspaceSchemas, compileWorkspaceSchemas, type WorkspaceSchemas } from './workspace-schemas.js';
export { parseWorkspaceFile, type ParsedFile, type ParsedDocument } from './parse-workspace-file.js';
export { locateYamlPath, type SourcePosition } from './yaml-locations.js';
export type {
  WorkspaceModel, WorkspaceProblem, WorkspaceDefinition, EnvironmentDefinition, ServiceDefinition, ServiceEnvironment, PolicyDocument,
} from './workspace-model-types.js';
