import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import git from 'isomorphic-git';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deserializeError, FolderNotEmptyError, serializeError } from '../../errors/index.js';
import { createSampleWorkspace, type SampleWorkspaceSummary } from './create-sample-workspace.js';
import { defaultSampleDir } from './resources-dir.js';

const run = promisify(execFile);
const sampleDir = defaultSampleDir();
const now = new Date('2026-11-27T12:00:00Z');

const expectedTags = [
  'templates/cron-job/v1.0.0',
  'templates/cron-job/v1.1.0',
  'templates/web-service/v1.0.0',
  'templates/web-service/v1.1.0',
  'templates/web-service/v1.2.0',
  'templates/web-service/v2.0.0',
  'templates/worker/v1.0.0',
  'templates/worker/v1.1.0',
  'templates/worker/v1.1.1',
];

// The version each service's pin resolves to among the published tags; the
// simulation and the upgrade assistant depend on these designed outcomes.
const resolvedVersions: Record<string, string> = {
  'cert-rotator': '1.0.0', checkout: '2.0.0', 'docs-portal': '2.0.0', 'feature-flags': '2.0.0',
  'ledger-reconcile': '1.1.0', 'legacy-billing': '1.2.0', 'log-shipper': '1.1.1', 'payment-events': '1.1.1',
  'payments-api': '2.0.0', 'search-api': '1.2.0', 'search-crawler': '1.0.0', 'search-frontend': '2.0.0',
  'search-indexer': '1.1.1', 'search-reindex': '1.1.0', 'status-page': '1.0.0',
};

let root: string;
let dir: string;
let summary: SampleWorkspaceSummary;
const cache = {};

async function gitCli(...args: string[]): Promise<string> {
  return (await run('git', ['-C', dir, ...args], { encoding: 'utf8' })).stdout;
}

async function readAtRef(ref: string, filepath: string): Promise<string | undefined> {
  const oid = await git.resolveRef({ fs, dir, ref });
  try {
    const { blob } = await git.readBlob({ fs, dir, cache, oid, filepath });
    return new TextDecoder().decode(blob);
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return undefined;
    throw error;
  }
}

async function listFiles(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('.git/'))
    .sort();
}

function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isMap(base) || !isMap(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-sample-'));
  dir = join(root, 'acme-platform');
  summary = await createSampleWorkspace(dir, { sampleDir, now });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createSampleWorkspace', () => {
  it('publishes every template version as an annotated tag whose message is the changelog', async () => {
    const listed = (await gitCli('tag', '-n1')).trim().split('\n');
    expect(listed.map((line) => line.split(/\s+/)[0])).toEqual(expectedTags);
    expect(listed.find((line) => line.startsWith('templates/web-service/v2.0.0'))).toMatch(/image object and a required team/);
    for (const tag of expectedTags) {
      expect((await gitCli('cat-file', '-t', tag)).trim(), tag).toBe('tag');
      const { tag: annotated } = await git.readTag({ fs, dir, cache, oid: await git.resolveRef({ fs, dir, ref: `refs/tags/${tag}` }) });
      expect(annotated.tagger.name).toBe('Paver Sample');
      expect(annotated.tagger.email).toBe('sample@paver.dev');
      expect(annotated.message).toContain(`${tag.split('/')[1]} ${tag.split('/v')[1]}:`);
    }
    const breaking = (await git.readTag({ fs, dir, cache, oid: await git.resolveRef({ fs, dir, ref: 'refs/tags/templates/web-service/v2.0.0' }) })).tag.message;
    expect(breaking).toContain('BREAKING CHANGES');
    expect(breaking).toContain('image.repository');
  });

  it('stores at each tag the chart with that version in Chart.yaml', async () => {
    for (const tag of expectedTags) {
      const [, template, version] = /^templates\/(.+)\/v(.+)$/.exec(tag)!;
      const chart = parse((await readAtRef(tag, `templates/${template}/Chart.yaml`))!);
      expect(chart.version, tag).toBe(version);
      expect(chart.name).toBe(template);
    }
  });

  it('keeps older versions as real variants of the charts', async () => {
    const at = (ref: string, path: string) => readAtRef(`templates/${path.split('/')[0]}/v${ref}`, `templates/${path}`);
    expect(await at('1.0.0', 'web-service/templates/deployment.yaml')).not.toContain('readinessProbe');
    expect(await at('1.1.0', 'web-service/templates/deployment.yaml')).toContain('readinessProbe');
    expect(await at('1.1.0', 'web-service/templates/hpa.yaml')).toBeUndefined();
    expect(await at('1.2.0', 'web-service/templates/hpa.yaml')).toContain('HorizontalPodAutoscaler');
    const schema12 = JSON.parse((await at('1.2.0', 'web-service/values.schema.json'))!);
    const schema20 = JSON.parse((await at('2.0.0', 'web-service/values.schema.json'))!);
    expect(schema12.properties.image.type).toBe('string');
    expect(schema12.properties.team).toBeUndefined();
    expect(schema20.properties.image.type).toBe('object');
    expect(schema20.required).toContain('team');
    expect(await at('2.0.0', 'web-service/templates/pdb.yaml')).toBeUndefined();
    expect(await at('1.1.0', 'worker/templates/deployment.yaml')).toContain('value: {{ $value }}');
    expect(await at('1.1.1', 'worker/templates/deployment.yaml')).toContain('value: {{ $value | quote }}');
    expect(await at('1.0.0', 'worker/templates/pdb.yaml')).toBeUndefined();
    expect(await at('1.0.0', 'cron-job/templates/cronjob.yaml')).not.toContain('timeZone');
    expect(await at('1.0.0', 'cron-job/templates/cronjob.yaml')).not.toContain('runAsNonRoot');
    expect(await at('1.1.0', 'cron-job/templates/cronjob.yaml')).toContain('timeZone');
  });

  it('ends with a clean working tree equal to the sample folder, with the web-service draft committed but untagged', async () => {
    expect(await gitCli('status', '--porcelain')).toBe('');
    const files = await listFiles(dir);
    expect(files).toEqual(await listFiles(sampleDir));
    for (const file of files) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(await readFile(join(sampleDir, file), 'utf8'));
    }
    expect(parse((await readAtRef('HEAD', 'templates/web-service/Chart.yaml'))!).version).toBe('2.1.0');
    expect(await readAtRef('HEAD', 'templates/web-service/templates/pdb.yaml')).toContain('PodDisruptionBudget');
    expect(await gitCli('describe', '--tags', '--match', 'templates/web-service/*', '--abbrev=0')).toBe('templates/web-service/v2.0.0\n');
  });

  it('writes a history by Paver Sample spread over past months, which git fsck accepts', async () => {
    const log = (await gitCli('log', '--format=%an <%ae>|%at|%s')).trim().split('\n').reverse();
    expect(log).toHaveLength(summary.commits);
    expect(log.length).toBeGreaterThanOrEqual(20);
    const times = log.map((line) => Number(line.split('|')[1]));
    expect(new Set(log.map((line) => line.split('|')[0]))).toEqual(new Set(['Paver Sample <sample@paver.dev>']));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(times[times.length - 1] * 1000).toBeLessThan(now.getTime());
    expect(now.getTime() - times[0] * 1000).toBeGreaterThan(150 * 86_400_000);
    expect(log.some((line) => line.endsWith('Upgrade checkout to web-service 2.x and onboard payments-api'))).toBe(true);
    expect(await gitCli('log', '--format=%s', '-1', 'templates/web-service/v2.0.0')).toContain('(2.0.0)');
    await gitCli('fsck', '--strict');
  });

  it('shows the checkout upgrade from web-service 1.x to 2.x in its file history', async () => {
    const history = (await gitCli('log', '--format=%h', '--', 'services/checkout.yaml')).trim().split('\n');
    expect(history).toHaveLength(2);
    const diff = await gitCli('show', history[0], '--', 'services/checkout.yaml');
    expect(diff).toContain('-  version: "^1.1.0"');
    expect(diff).toContain('+  version: "^2.0.0"');
    expect(diff).toContain('-    image: ghcr.io/acme/checkout:2.1.0');
  });

  it('gives every service values that its resolved template version accepts', async () => {
    const services = (await readdir(join(dir, 'services'))).sort();
    expect(services.map((file) => file.replace('.yaml', ''))).toEqual(Object.keys(resolvedVersions).sort());
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const file of services) {
      const service = parse(await readFile(join(dir, 'services', file), 'utf8'));
      const { template } = service.spec;
      const tag = `templates/${template}/v${resolvedVersions[service.metadata.name]}`;
      const validate = ajv.compile(JSON.parse((await readAtRef(tag, `templates/${template}/values.schema.json`))!));
      const defaults = parse((await readAtRef(tag, `templates/${template}/values.yaml`))!);
      for (const [environment, settings] of Object.entries<{ values?: unknown }>(service.spec.environments)) {
        const values = deepMerge(deepMerge(defaults, service.spec.values), settings.values);
        validate(values);
        expect(validate.errors ?? [], `${file} ${environment} at ${tag}`).toEqual([]);
      }
    }
  });

  it('summarises what it created', () => {
    expect(summary.templates).toEqual([
      { name: 'web-service', publishedVersions: ['1.0.0', '1.1.0', '1.2.0', '2.0.0'], draftVersion: '2.1.0' },
      { name: 'worker', publishedVersions: ['1.0.0', '1.1.0', '1.1.1'], draftVersion: '1.1.1' },
      { name: 'cron-job', publishedVersions: ['1.0.0', '1.1.0'], draftVersion: '1.1.0' },
    ]);
    expect(summary.services).toHaveLength(15);
    expect(summary.policyFiles).toContain('policies/web-service-v2.yaml');
    expect([...summary.tags].sort()).toEqual(expectedTags);
  });

  it('refuses a folder that is not empty and leaves it untouched', async () => {
    const occupied = join(root, 'occupied');
    await mkdir(occupied);
    await writeFile(join(occupied, 'notes.txt'), 'mine\n');
    const attempt = createSampleWorkspace(occupied, { sampleDir, now });
    await expect(attempt).rejects.toBeInstanceOf(FolderNotEmptyError);
    await expect(attempt).rejects.toMatchObject({ code: 'FolderNotEmptyError', data: { path: occupied, entries: ['notes.txt'] } });
    await expect(attempt).rejects.toThrow(/not empty .*notes\.txt.*Choose a new or empty folder/);
    expect(await readdir(occupied)).toEqual(['notes.txt']);
    const rebuilt = deserializeError(serializeError(await attempt.catch((error: unknown) => error)));
    expect(rebuilt).toBeInstanceOf(FolderNotEmptyError);
  });

  it('creates a folder that does not exist yet, and an empty existing folder', async () => {
    const nested = join(root, 'new', 'deeper', 'acme');
    await createSampleWorkspace(nested, { sampleDir, now });
    expect((await run('git', ['-C', nested, 'tag'], { encoding: 'utf8' })).stdout.trim().split('\n')).toHaveLength(9);
    const empty = join(root, 'empty');
    await mkdir(empty);
    await createSampleWorkspace(empty, { sampleDir, now });
    expect(fs.existsSync(join(empty, 'paver.yaml'))).toBe(true);
  });

  it('leaves nothing behind when creation fails, so first launch can try again', async () => {
    const parent = join(root, 'failing');
    await mkdir(parent);
    const brokenSample = join(root, 'not-a-sample');
    await mkdir(brokenSample);
    // A sample without its templates fails halfway, after the repository was started.
    await writeFile(join(brokenSample, 'paver.yaml'), await readFile(join(sampleDir, 'paver.yaml'), 'utf8'));
    await expect(createSampleWorkspace(join(parent, 'acme'), { sampleDir: brokenSample, now })).rejects.toThrow(/Chart\.yaml version/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('writes the same history for the same day', async () => {
    const again = join(root, 'again');
    await createSampleWorkspace(again, { sampleDir, now: new Date('2026-11-27T23:59:00Z') });
    const head = (await run('git', ['-C', again, 'rev-parse', 'HEAD'], { encoding: 'utf8' })).stdout;
    expect(head).toBe(await gitCli('rev-parse', 'HEAD'));
  });
});
