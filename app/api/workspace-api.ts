import type { ApiEvent } from './events.js';

/** Where a file belongs in the explorer. */
export type FileGroup = 'templates' | 'services' | 'policies' | 'other';

export interface WorkspaceInfo {
  /** Absolute path of the workspace root. */
  root: string;
  /** `metadata.name` from paver.yaml, or the folder name. */
  name: string;
  isGitRepository: boolean;
  hasPaverYaml: boolean;
}

export interface FileEntry {
  /** Path relative to the workspace root, with `/` separators. */
  path: string;
  group: FileGroup;
  size: number;
}

export interface FileContent {
  path: string;
  text: string;
  /** Opaque version of the bytes on disk (a content hash); pass it back when saving. */
  version: string;
}

export interface WriteFileRequest {
  path: string;
  text: string;
  /**
   * The version the editor loaded. When the file on disk no longer has it,
   * the write is refused with FileConflictError. Omit it to create a new file
   * (refused when one exists) and pass `null` to overwrite unconditionally.
   */
  expectedVersion?: string | null;
}

export interface FileChange {
  kind: 'created' | 'changed' | 'deleted';
  path: string;
  /** Version on disk after the change (absent for deletions). */
  version?: string;
}

/** Files of the open workspace. Every path is relative and confined to the workspace. */
export interface WorkspaceApi {
  /** Opens a folder as the workspace. */
  openWorkspace(request: { path: string }): Promise<WorkspaceInfo>;
  /** Makes the open (or given) folder a Git repository (`git init` + first commit is left to the user). */
  initGitRepository(request: { path: string }): Promise<WorkspaceInfo>;
  /** Creates a new workspace from the bundled sample, with its Git history and version tags. */
  createSampleWorkspace(request: { path: string }): Promise<WorkspaceInfo>;
  /** The open workspace, or null. */
  currentWorkspace(): Promise<WorkspaceInfo | null>;
  listFiles(): Promise<FileEntry[]>;
  readFile(request: { path: string }): Promise<FileContent>;
  /** Writes atomically (temporary file then rename). */
  writeFile(request: WriteFileRequest): Promise<FileContent>;
  renameFile(request: { from: string; to: string }): Promise<void>;
  deleteFile(request: { path: string }): Promise<void>;
  onDidChangeFiles: ApiEvent<FileChange[]>;
}

/** Which explorer group a workspace-relative path belongs to (shared by the core and the UI). */
export function fileGroupOf(path: string): FileGroup {
  if (path.startsWith('templates/')) return 'templates';
  if (path.startsWith('services/')) return 'services';
  if (path.startsWith('policies/')) return 'policies';
  return 'other';
}
