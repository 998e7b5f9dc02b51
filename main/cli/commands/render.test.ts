import { mkdtemp, mkdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';
import { writeTar } from '../../../app/template/chart/testing/tar-writer.js';

const shop = fileURLToPath(new URL('../../../app/template/testdata/charts/shop', import.meta.url));
let root: string;

function paver(...argv: string[]) {
  return runPaver(['render', ...argv], { cwd: root });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-render-'));
  await cp(shop, join(root, 'shop'), { recursive: true });
  await writeFile(join(root, 'prod.yaml'), 'replicas: 4\nimage:\n  tag: v9\n');
  await writeFile(join(root, 'motd.txt'), 'hello from a file');
  const db = gzipSync(writeTar({
    'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.3.0\n',
    'db/values.yaml': 'size: 1Gi\nexported:\n  port: 5432\n',
    'db/templates/statefulset.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\nspec:\n  size: {{ .Values.size }}\n',
  }));
  await mkdir(join(root, 'packaged', 'charts'), { recursive: true });
  await writeFile(join(root, 'packaged', 'Chart.yaml'), 'apiVersion: v2\nname: packaged\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 0.x\n');
  await writeFile(join(root, 'packaged', 'charts', 'db-0.3.0.tgz'), db);
  await mkdir(join(root, 'packaged', 'templates'));
  await writeFile(join(root, 'packaged', 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  motd: {{ .Values.motd | quote }}\n  n: {{ .Values.n | quote }}\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('paver render', () => {
  it('stacks -f files and --set flags like helm template', async () => {
    const result = await paver('shop', '-f', 'prod.yaml', '--set', 'replicas=5', '--release-name', 'web', '--show-only', 'templates/deployment.yaml');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  replicas: 5\n');
    expect(result.stdout).toContain('image: "shop:v9"');
    expect(result.stdout).toContain('name: web-shop');
  });

  it('renders a chart with a packaged .tgz subchart, --set-file and --set-string', async () => {
    const result = await paver('packaged', '--set-file', 'motd=motd.txt', '--set-string', 'n=007');
    expect(result.stdout).toBe('---\n# Source: packaged/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release-name\ndata:\n'
      + '  motd: "hello from a file"\n  n: "007"\n---\n# Source: packaged/charts/db/templates/statefulset.yaml\napiVersion: apps/v1\n'
      + 'kind: StatefulSet\nmetadata:\n  name: release-name-db\nspec:\n  size: 1Gi\n');
  });

  it('writes --output-dir files and reports each one', async () => {
    const result = await paver('shop', '--output-dir', 'out');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['wrote out/shop/templates/configmap.yaml', 'wrote out/shop/templates/service.yaml']);
    expect(result.stdout.endsWith('wrote out/shop/templates/test-pod.yaml\n\n')).toBe(true);
    expect(await readFile(join(root, 'out/shop/templates/service.yaml'), 'utf8')).toMatch(/^---\n# Source: shop\/templates\/service.yaml\napiVersion: v1\n/);
  });

  it('prints objects as JSON with --output json', async () => {
    const result = await paver('shop', '--output', 'json');
    const parsed = JSON.parse(result.stdout);
    expect(parsed.objects.map((o: { kind: string }) => o.kind)).toEqual(['ConfigMap', 'Service', 'Deployment', 'StatefulSet', 'Pod']);
    expect(parsed.notes).toBe('Thank you for installing shop as release-name.\n');
  });

  it('fails with Helm\'s message and a non-zero exit code', async () => {
    expect(await paver('shop', '--set', 'a[x]=1')).toMatchObject({ code: 1, stdout: '', stderr: 'Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing "x": invalid syntax\n' });
    expect(await paver('shop', '--show-only', 'templates/none.yaml')).toMatchObject({ code: 1, stderr: 'Error: could not find template templates/none.yaml in chart\n' });
    expect(await paver('missing')).toMatchObject({ code: 1, stderr: 'Error: path "missing" not found\n' });
    expect(await paver('shop', '--kube-version', 'banana')).toMatchObject({ code: 1, stderr: "Error: invalid kube version 'banana': Invalid Semantic Version\n" });
  });
});
