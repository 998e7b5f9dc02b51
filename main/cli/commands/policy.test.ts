import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPaver } from '../testing/run-paver.js';

const run = promisify(execFile);

const policy = {
  apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'max-replicas' },
  spec: {
    matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'] }] },
    validations: [{ expression: 'object.spec.replicas <= 5', message: 'at most 5 replicas', reason: 'Forbidden' }],
  },
};
const binding = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'max-replicas-b' }, spec: { policyName: 'max-replicas', validationActions: ['Deny'] } };
const deployment = (replicas: number) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas } });
const line = (id: string, replicas: number) => JSON.stringify({ id, objects: [policy, binding], request: { operation: 'CREATE', object: deployment(replicas) }, namespaceObject: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, kubeVersion: '1.31' });

function paver(lines: string[], ...argv: string[]) {
  return runPaver(argv, { cwd: '/', stdin: lines });
}

describe('paver policy eval', () => {
  it('writes one JSON line per input, in the documented shape', async () => {
    const { code, stdout } = await paver([line('small', 2), line('big', 9)], 'policy', 'eval');
    expect(code).toBe(0);
    const outputs = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outputs).toEqual([
      { id: 'small', allowed: true, warnings: [], violations: [], notEvaluated: [], errors: [] },
      { id: 'big', allowed: false, warnings: [], violations: [{ policy: 'max-replicas', binding: 'max-replicas-b', action: 'Deny', message: 'at most 5 replicas', reason: 'Forbidden' }], notEvaluated: [], errors: [] },
    ]);
  });

  it('a line with bad JSON yields an output naming the line number, and the stream goes on', async () => {
    const { code, stdout } = await paver([line('a', 2), '{"id": nope', line('c', 9)], 'policy', 'eval');
    expect(code).toBe(0);
    const outputs = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outputs).toHaveLength(3);
    expect(outputs[1]).toMatchObject({ id: null, allowed: false, errors: [expect.stringContaining('line 2: invalid JSON')] });
    expect(outputs[2]).toMatchObject({ id: 'c', allowed: false });
  });

  it('reports policy problems and not-evaluated policies', async () => {
    const broken = { ...policy, spec: { ...policy.spec, validations: [{ expression: 'object.spec.replicas <=' }] } };
    const { stdout } = await paver([JSON.stringify({ id: 'x', objects: [broken, binding], request: { operation: 'CREATE', object: deployment(1) } })], 'policy', 'eval');
    const output = JSON.parse(stdout);
    expect(output.errors[0]).toContain('ValidatingAdmissionPolicy/max-replicas spec.validations[0].expression');
    expect(output.notEvaluated[0]).toMatchObject({ policy: 'max-replicas', reason: expect.stringContaining('does not compile') });
  });

  it('a missing request is an error line', async () => {
    const { stdout } = await paver([JSON.stringify({ id: 7, objects: [] })], 'policy', 'eval');
    expect(JSON.parse(stdout)).toMatchObject({ id: 7, allowed: false, errors: [expect.stringContaining('"request" is required')] });
  });

  it('an unknown subcommand is a usage error', async () => {
    const { code, stderr } = await paver([], 'policy', 'evaluate');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown subcommand 'evaluate'");
  });

  it('runs as a real process reading stdin', async () => {
    const child = run('node', ['--import', 'tsx', 'main/cli/paver.ts', 'policy', 'eval'], { cwd: process.cwd() });
    child.child.stdin!.end(`${line('p', 9)}\n`);
    const { stdout } = await child;
    expect(JSON.parse(stdout)).toMatchObject({ id: 'p', allowed: false });
  }, 30_000);
});
