// The registry of error classes. Adding an error: one file with one class,
// then one line here, so it is rebuilt as its own class across transports.
import { PaverError, type SerializedError } from './paver-error.js';
import { InternalError } from './internal-error.js';
import { InvalidRequestError } from './invalid-request-error.js';
import { PathOutsideWorkspaceError } from './path-outside-workspace-error.js';
import { FileNotFoundError } from './file-not-found-error.js';
import { FileConflictError } from './file-conflict-error.js';
import { FileExistsError } from './file-exists-error.js';
import { WorkspaceNotOpenError } from './workspace-not-open-error.js';
import { NotAGitRepositoryError } from './not-a-git-repository-error.js';
import { FolderNotFoundError } from './folder-not-found-error.js';
import { FolderNotEmptyError } from './folder-not-empty-error.js';
import { UsageError } from './usage-error.js';
import { SimulationCancelledError } from './simulation-cancelled-error.js';
import { InvalidFileError } from './invalid-file-error.js';
import { DirtyWorkingTreeError } from './dirty-working-tree-error.js';
import { MergeConflictError } from './merge-conflict-error.js';
import { PushRejectedError } from './push-rejected-error.js';
import { VersionAlreadyPublishedError } from './version-already-published-error.js';
import { GitAuthError } from './git-auth-error.js';
import { SshRemoteUnsupportedError } from './ssh-remote-unsupported-error.js';
import { TemplateVersionNotFoundError } from './template-version-not-found-error.js';
import { TemplateNotFoundError } from './template-not-found-error.js';
import { DraftRenderFailedError } from './draft-render-failed-error.js';
import { BranchExistsError } from './branch-exists-error.js';
import { BranchNotFoundError } from './branch-not-found-error.js';
import { ConfirmationRequiredError } from './confirmation-required-error.js';
import { InvalidVersionError } from './invalid-version-error.js';
import { NothingToCommitError } from './nothing-to-commit-error.js';
import { GitOperationError } from './git-operation-error.js';
import { ClusterUnreachableError } from './cluster-unreachable-error.js';
import { ClusterTlsError } from './cluster-tls-error.js';
import { ClusterUnauthorizedError } from './cluster-unauthorized-error.js';
import { ClusterForbiddenError } from './cluster-forbidden-error.js';
import { ClusterRequestError, type ClusterErrorCause } from './cluster-request-error.js';
import { UnknownContextError } from './unknown-context-error.js';
import { ExecPluginError } from './exec-plugin-error.js';
import { ExecTokenExpiredError } from './exec-token-expired-error.js';
import { GoTemplateError } from './go-template-error.js';
import { ChartLoadError } from './chart-load-error.js';
import { TemplateRenderError } from './template-render-error.js';

export {
  PaverError, InternalError, InvalidRequestError, PathOutsideWorkspaceError, FileNotFoundError,
  FileConflictError, FileExistsError, WorkspaceNotOpenError, NotAGitRepositoryError, FolderNotFoundError, FolderNotEmptyError,
  UsageError, InvalidFileError,
  DirtyWorkingTreeError, MergeConflictError, PushRejectedError, VersionAlreadyPublishedError, GitAuthError, SshRemoteUnsupportedError, TemplateVersionNotFoundError, TemplateNotFoundError, DraftRenderFailedError, BranchExistsError, BranchNotFoundError, ConfirmationRequiredError, InvalidVersionError, NothingToCommitError, GitOperationError,
  ClusterUnreachableError, ClusterTlsError, ClusterUnauthorizedError, ClusterForbiddenError, ClusterRequestError, UnknownContextError, ExecPluginError, ExecTokenExpiredError,
  GoTemplateError,
  ChartLoadError, TemplateRenderError,
  SimulationCancelledError,
};
export type { SerializedError, ClusterErrorCause };

type ErrorClass = new (message: string, data: any) => PaverError;

const errorClasses: Record<string, ErrorClass> = {
  InternalError, InvalidRequestError, PathOutsideWorkspaceError, FileNotFoundError, FileConflictError,
  FileExistsError, WorkspaceNotOpenError, NotAGitRepositoryError, FolderNotFoundError, FolderNotEmptyError, UsageError,
  InvalidFileError,
  DirtyWorkingTreeError, MergeConflictError, PushRejectedError, VersionAlreadyPublishedError, GitAuthError, SshRemoteUnsupportedError, TemplateVersionNotFoundError, TemplateNotFoundError, DraftRenderFailedError, BranchExistsError, BranchNotFoundError, ConfirmationRequiredError, InvalidVersionError, NothingToCommitError, GitOperationError,
  ClusterUnreachableError, ClusterTlsError, ClusterUnauthorizedError, ClusterForbiddenError, ClusterRequestError, UnknownContextError, ExecPluginError, ExecTokenExpiredError,
  GoTemplateError,
  ChartLoadError, TemplateRenderError,
  SimulationCancelledError,
};

/** Registers an error class defined outside this folder's index (kept for layered modules). */
export function registerErrorClass(code: string, errorClass: ErrorClass): void {
  errorClasses[code] = errorClass;
}

/** Turns any thrown value into the wire form; unknown errors become InternalError. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof PaverError) return error.toJSON();
  if (error instanceof Error) {
    return { code: 'InternalError', message: error.message, data: { originalCode: (error as { code?: string }).code ?? error.name } };
  }
  return { code: 'InternalError', message: String(error), data: {} };
}

/** Rebuilds the wire form as an instance of the same error class. */
export function deserializeError(wire: SerializedError): PaverError {
  const errorClass = errorClasses[wire.code] ?? InternalError;
  const error = new errorClass(wire.message, wire.data ?? {});
  return error;
}
