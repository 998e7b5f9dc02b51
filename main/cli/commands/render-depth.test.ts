// Helm stops include chains nested deeper than 1,000; Paver's renderer must
// reach that limit (the binary runs with a larger stack for it) and then stop
// with Helm's error, never crash.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'paver-render-depth-'));
  await mkdir(join(root, 'deep/templates'), { recursive: true });
  await writeFile(join(root, 'deep/Chart.yaml'), 'apiVersion: v2\nname: deep\nversion: 0.1.0\n');
  await writeFile(join(root, 'deep/templates/_helpers.tpl'), '{{- define "rec" -}}{{- if gt (int .) 0 -}}{{ include "rec" (sub . 1) }}{{- else -}}done{{- end -}}{{- end -}}\n');
  await writeFile(join(root, 'deep/templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  v: {{ include "rec" (int .Values.depth) | quote }}\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('renders include chains up to Helm\'s nesting limit and stops beyond it with Helm\'s error', async () => {
  const deep = await runPaver(['render', 'deep', '--set', 'depth=998'], { cwd: root });
  expect(deep.stderr).toBe('');
  expect(deep.stdout).toContain('v: "done"');
  const tooDeep = await runPaver(['render', 'deep', '--set', 'depth=1001'], { cwd: root });
  expect(tooDeep.code).toBe(1);
  expect(tooDeep.stderr).toContain('rendering template has a nested reference name: rec');
});
