// The layering rule in eslint.config.js is what keeps ARCHITECTURE.md true;
// this proves it fires for each forbidden direction and stays quiet otherwise.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('lets the renderer import app/api only', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import { api } from '../../app/api/index.js';\nvoid api;\n")).toEqual([]);
    expect(await restrictedImports('renderer/src/x.ts', "import { confinePath } from '../../app/workspace/files/confine-path.js';\nvoid confinePath;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { startHttpServer } from '../../main/web/http-server.js';\nvoid startHttpServer;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { readFile } from 'node:fs/promises';\nvoid readFile;\n")).toHaveLength(1);
  });

  it('keeps app/ from importing main/ or renderer/', async () => {
    expect(await restrictedImports('app/settings/x.ts', "import { runCli } from '../../main/cli/run-cli.js';\nvoid runCli;\n")).toHaveLength(1);
    expect(await restrictedImports('app/settings/x.ts', "import { App } from '../../renderer/src/app.js';\nvoid App;\n")).toHaveLength(1);
  });

  it('keeps app/template and app/policy free of Node modules', async () => {
    expect(await restrictedImports('app/template/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImports('app/policy/x.ts', "import { createHash } from 'crypto';\nvoid createHash;\n")).toHaveLength(1);
    expect(await restrictedImports('app/workspace/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toEqual([]);
  });
});
