// The public API must not change by accident (the lead wraps it as GitApi/TemplateApi).
import { describe, expect, it } from 'vitest';
import * as gitApi from './index.js';
import * as model from '../workspace/model/index.js';
import * as versions from '../workspace/versions/index.js';
import * as publish from '../workspace/publish/index.js';
import * as upgrade from '../workspace/upgrade/index.js';

describe('public exports', () => {
  it('keeps the same names', () => {
    expect({
      git: Object.keys(gitApi).sort(), model: Object.keys(model).sort(), versions: Object.keys(versions).sort(),
      publish: Object.keys(publish).sort(), upgrade: Object.keys(upgrade).sort(),
    }).toMatchInlineSnapshot(`
      {
        "git": [
          "EncryptedFileCredentialStore",
          "InMemoryCredentialStore",
          "StatusEngine",
          "cliStatus",
          "commitStaged",
          "completeMerge",
          "createBranch",
          "createStatusService",
          "credentialKey",
          "defaultStatusWorkerUrl",
          "deleteBranch",
          "diffContents",
          "diffFileBetween",
          "diffLineArrays",
          "diffLines",
          "diffWorkingFile",
          "discardChanges",
          "fetchRemote",
          "fileHistory",
          "forgetRepository",
          "formatUnifiedDiff",
          "gitCliVersion",
          "isClean",
          "isSshUrl",
          "listBranches",
          "listChangedFiles",
          "mergeText",
          "openRepository",
          "pullRemote",
          "pushRemote",
          "readConflictVersions",
          "resolveCommit",
          "resolveCommitAuthor",
          "resolveHead",
          "runGitCli",
          "setGitCliEnabled",
          "splitLines",
          "stageFiles",
          "switchBranch",
          "templateHistory",
          "toBasicAuth",
          "unstageFiles",
        ],
        "model": [
          "compileWorkspaceSchemas",
          "listTemplateFolders",
          "loadWorkspace",
          "loadWorkspaceSchemas",
          "locateYamlPath",
          "parseWorkspaceFile",
        ],
        "publish": [
          "checkDraftRenders",
          "publishTemplateVersion",
          "servicesPickingUp",
          "setChartVersion",
          "suggestVersionBump",
        ],
        "upgrade": [
          "applyUpgrade",
          "migrationHints",
          "planUpgrade",
          "rewriteVersionRequest",
          "setServiceTemplateVersion",
        ],
        "versions": [
          "bumpVersion",
          "compareVersions",
          "createEngineServiceRenderer",
          "formatVersion",
          "isExactVersion",
          "listTemplateVersions",
          "maxSatisfying",
          "mergeValues",
          "parseRange",
          "parseTemplateTagName",
          "parseVersion",
          "readTemplateAtVersion",
          "readTemplateDocument",
          "readTemplateDraft",
          "resolveTemplateVersion",
          "satisfiesRange",
          "serviceEnvironments",
          "serviceValues",
          "templateChartReader",
          "templateTagName",
          "usageMatrix",
        ],
      }
    `);
  });
});
