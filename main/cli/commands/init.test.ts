import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';
import { findResourcesDir } from '../../resources-dir.js';

const run = promisify(execFile);
let root: string;

function paver(cwd: string, ...argv: string[]) {
  return runPaver(argv, { cwd });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-init-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('paver init', () => {
  it('--sample DIR creates the sample repository and says what it made and what to try', async () => {
    const { code, stdout, stderr } = await paver(root, 'init', '--sample', 'acme');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Created the acme-platform sample workspace in ${join(root, 'acme')}`);
    expect(stdout).toMatch(/web-service +1\.0\.0, 1\.1\.0, 1\.2\.0, 2\.0\.0; unpublished draft 2\.1\.0/);
    expect(stdout).toMatch(/worker +1\.0\.0, 1\.1\.0, 1\.1\.1\n/);
    expect(stdout).toContain('15 services: cert-rotator, checkout,');
    expect(stdout).toContain('10 policy files:');
    expect(stdout).toContain('Try next:\n  git -C acme tag -n1');
    const tags = (await run('git', ['-C', join(root, 'acme'), 'tag'], { encoding: 'utf8' })).stdout.trim().split('\n');
    expect(tags).toContain('templates/web-service/v2.0.0');
  });

  it('--sample refuses a folder that is not empty, on stderr with exit code 1', async () => {
    const { code, stdout, stderr } = await paver(root, 'init', '--sample', 'acme');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Error: Cannot create the sample workspace in .*acme: the folder is not empty/);
  });

  it('DIR without --sample lays out an empty workspace with a valid paver.yaml and a Git repository', async () => {
    const { code, stdout } = await paver(root, 'init', 'My Platform');
    expect(code).toBe(0);
    const dir = join(root, 'My Platform');
    expect(stdout).toContain(`Created the workspace my-platform in ${dir} (new Git repository)`);
    expect((await readdir(dir)).sort()).toEqual(['.git', 'paver.yaml', 'policies', 'services', 'templates']);
    const schema = JSON.parse(await readFile(join(findResourcesDir(), 'schemas', 'workspace.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    const manifest = parse(await readFile(join(dir, 'paver.yaml'), 'utf8'));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.metadata.name).toBe('my-platform');
    expect((await run('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' })).stdout).toContain('?? paver.yaml');
  });

  it('keeps existing files and an existing repository, and refuses a folder that already has paver.yaml', async () => {
    const dir = join(root, 'existing');
    await mkdir(dir);
    await run('git', ['init', '-q', dir]);
    await writeFile(join(dir, 'notes.md'), 'keep me\n');
    const first = await paver(dir, 'init');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('new Git repository');
    expect(await readFile(join(dir, 'notes.md'), 'utf8')).toBe('keep me\n');
    const again = await paver(dir, 'init');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('paver.yaml already exists');
  });

  it('rejects two folders as a usage error', async () => {
    const { code, stderr } = await paver(root, 'init', 'a', 'b');
    expect(code).toBe(2);
    expect(stderr).toContain('expected one folder');
  });
});
