// Gatekeeper semantics a cluster applies that the public library relies on:
// constraint parameter defaults from the template schema, and wildcards.
import { describe, expect, it } from 'vitest';
import { create, deployment, policySet } from '../testing/policy-fixtures.js';
import { applySchemaDefaults } from '../k8s/schema-defaults.js';

const template = (schema: string) => `
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: paverimagepolicy }
spec:
  crd:
    spec:
      names: { kind: PaverImagePolicy }
      validation:
        openAPIV3Schema:
${schema.replace(/^/gm, '          ')}
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
            validations:
              - expression: "variables.anyObject.spec.template.spec.containers.all(c, c.image.startsWith(variables.params.registry))"
                messageExpression: "'images must come from ' + variables.params.registry + ' (' + variables.params.limits.mode + ')'"
`;

const schema = `type: object
properties:
  registry: { type: string, default: "registry.acme.dev/" }
  limits:
    type: object
    properties:
      mode: { type: string, default: strict }`;

const constraint = (parameters: string, match = 'kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }]') => `
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: PaverImagePolicy
metadata: { name: acme-only }
spec:
  match: { ${match} }
${parameters}`;

describe('Gatekeeper constraint parameter defaults', () => {
  it('fills parameters the constraint omits from the template schema defaults, as the API server does', () => {
    const set = policySet(template(schema) + constraint('  parameters:\n    limits: {}'));
    expect(set.problems).toEqual([]);
    const result = create(set, deployment('web', { images: ['docker.io/nginx'] }));
    expect(result.violations.map((v) => v.message)).toEqual(['images must come from registry.acme.dev/ (strict)']);
    expect(create(set, deployment('web', { images: ['registry.acme.dev/nginx'] })).violations).toEqual([]);
  });

  it('keeps values the constraint sets, and defaults nothing inside an object the constraint leaves out', () => {
    const set = policySet(template(schema) + constraint('  parameters:\n    registry: "ghcr.io/acme/"\n    limits: { mode: lax }'));
    expect(create(set, deployment('web', { images: ['docker.io/nginx'] })).violations.map((v) => v.message)).toEqual(['images must come from ghcr.io/acme/ (lax)']);
    const missing = policySet(template(schema) + constraint('  parameters:\n    registry: "ghcr.io/acme/"'));
    expect(create(missing, deployment('web', { images: ['docker.io/nginx'] })).violations[0]!.message).toContain('failed expression');
  });

  it('applies defaults to array items and null values of non-nullable fields, without changing the input', () => {
    const itemsSchema = { type: 'object', properties: { ranges: { type: 'array', items: { type: 'object', properties: { max: { type: 'integer', default: 10 } } } }, note: { type: 'string', default: 'n/a' } } };
    const input = { ranges: [{}, { max: 3 }], note: null };
    expect(applySchemaDefaults(input, itemsSchema)).toEqual({ ranges: [{ max: 10 }, { max: 3 }], note: 'n/a' });
    expect(input).toEqual({ ranges: [{}, { max: 3 }], note: null });
  });
});

describe('Gatekeeper constraint parameter schema', () => {
  it('a constraint whose parameters break the template schema is rejected, as the API server would, and reported as not evaluated', () => {
    const set = policySet(template(schema) + constraint('  parameters:\n    registry: 5\n    limits: { mode: strict }'));
    expect(set.problems).toMatchObject([{ object: 'PaverImagePolicy/acme-only', field: 'spec.parameters.registry' }]);
    expect(set.problems[0]!.message).toContain('must be string');
    const result = create(set, deployment('web', { images: ['docker.io/nginx'] }));
    expect(result.violations).toEqual([]);
    expect(result.notEvaluated[0]!.reason).toContain('the constraint is invalid (spec.parameters.registry: must be string');
  });

  it('names the allowed values of an enum and the index of a bad array item', () => {
    const enumSchema = `type: object
properties:
  registry: { type: string }
  limits:
    type: object
    properties:
      mode: { type: string, enum: [strict, lax] }
  ranges:
    type: array
    items: { type: object, properties: { max: { type: integer } } }`;
    const bad = policySet(template(enumSchema) + constraint('  parameters:\n    registry: r/\n    limits: { mode: loose }'));
    expect(bad.problems[0]).toMatchObject({ field: 'spec.parameters.limits.mode', message: expect.stringContaining('"strict", "lax"') });
    const item = policySet(template(enumSchema) + constraint('  parameters:\n    registry: r/\n    limits: { mode: lax }\n    ranges: [{ max: 3 }, { max: "ten" }]'));
    expect(item.problems[0]!.field).toBe('spec.parameters.ranges[1].max');
  });
});

describe('Gatekeeper wildcards', () => {
  const params = '  parameters: { registry: "registry.acme.dev/", limits: { mode: strict } }';
  it('a namespace glob with * at both ends matches names containing the middle', () => {
    const set = policySet(template(schema) + constraint(params, 'kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }], excludedNamespaces: ["*-system-*"]'));
    expect(create(set, deployment('web', { images: ['docker.io/nginx'], namespace: 'kube-system-extra' })).violations).toEqual([]);
    expect(create(set, deployment('web', { images: ['docker.io/nginx'], namespace: 'shop' })).violations).toHaveLength(1);
  });

  it('a name glob ending in * also matches an object named by generateName', () => {
    const set = policySet(template(schema) + constraint(params, 'kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }], name: "batch-*"'));
    const generated = deployment('', { images: ['docker.io/nginx'] });
    generated.metadata = { generateName: 'batch-', namespace: 'shop' };
    expect(create(set, generated).violations).toHaveLength(1);
    expect(create(set, deployment('web', { images: ['docker.io/nginx'] })).violations).toEqual([]);
  });
});

describe('Gatekeeper K8sNativeValidation source fields', () => {
  const source = `
apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: paverteamlabel }
spec:
  crd: { spec: { names: { kind: PaverTeamLabel } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      code:
        - engine: K8sNativeValidation
          source:
            failurePolicy: Ignore
            matchConditions:
              - name: not-system
                expression: "!variables.anyObject.metadata.name.startsWith('system-')"
            validations:
              - expression: "has(variables.anyObject.metadata.labels) && 'team' in variables.anyObject.metadata.labels"
                message: needs a team label
              - expression: "!has(variables.params.teams) || variables.anyObject.metadata.labels.team in variables.params.teams"
                message: unknown team
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: PaverTeamLabel
metadata: { name: team }
spec:
  match: { kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] }
`;
  it('matchConditions skip objects, and failurePolicy Ignore records an evaluation error instead of a violation', () => {
    const set = policySet(`${source}  parameters: { teams: [shop] }\n`);
    expect(set.problems).toEqual([]);
    expect(create(set, deployment('system-dns'))).toMatchObject({ violations: [], errors: [] });
    const unlabelled = create(set, deployment('web'));
    expect(unlabelled.violations.map((v) => v.message)).toEqual(['needs a team label']);
    expect(unlabelled.errors).toHaveLength(1);
    expect(unlabelled.errors[0]!.message).toContain("expression '!has(variables.params.teams)");
    expect(create(set, deployment('web', { labels: { team: 'shop' } }))).toMatchObject({ violations: [], errors: [] });
    expect(create(set, deployment('web', { labels: { team: 'ads' } })).violations.map((v) => v.message)).toEqual(['unknown team']);
  });

  it('variables.params is null when the constraint has no parameters, and has() on it is false', () => {
    const set = policySet(source);
    expect(create(set, deployment('web', { labels: { team: 'ads' } }))).toMatchObject({ violations: [], errors: [] });
  });
});
