// The values a render sees must be exactly what Helm reads from the service's
// values written out as YAML, whichever route serviceValues takes.
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildUserValues } from '../template/index.js';
import type { ServiceDefinition } from '../workspace/model/workspace-model-types.js';
import { serviceValues } from './service-values.js';

function service(values: Record<string, unknown>, prod: Record<string, unknown>): ServiceDefinition {
  return { file: 'services/checkout.yaml', name: 'checkout', labels: {}, template: 'web-service', version: '^2.0.0', values, environments: { prod: { namespace: 'shop', values: prod } } };
}

function helmReads(definition: ServiceDefinition): Record<string, unknown> {
  return buildUserValues({ valueFiles: [{ path: 'a', text: stringify(definition.values) }, { path: 'b', text: stringify(definition.environments.prod!.values) }] });
}

describe('serviceValues', () => {
  it('merges the environment values over the service values as Helm merges values files', () => {
    const definition = service(
      { image: { repository: 'ghcr.io/acme/checkout', tag: '1.4.2' }, replicas: 2, resources: { limits: { cpu: '500m' } }, env: [{ name: 'A', value: 'x' }] },
      { replicas: 3, resources: { limits: { memory: '256Mi' } }, env: [{ name: 'B', value: 'why' }], extra: null },
    );
    const values = serviceValues(definition, 'prod');
    expect(values).toEqual(helmReads(definition));
    expect(values).toEqual({
      image: { repository: 'ghcr.io/acme/checkout', tag: '1.4.2' }, replicas: 3,
      resources: { limits: { cpu: '500m', memory: '256Mi' } }, env: [{ name: 'B', value: 'why' }], extra: null,
    });
  });

  it('reads YAML 1.1 words and number forms the way Helm does', () => {
    for (const value of ['yes', 'on', 'Off', 'n', '1_000', '1:20', '0777', '0x1F', '1.5', '2026-01-15', '~', '', 'a b: c', '1e3', '.inf']) {
      const definition = service({ config: { FLAG: value }, [value || 'empty']: 'k' }, { replicas: 1.5 });
      expect(serviceValues(definition, 'prod'), value).toEqual(helmReads(definition));
    }
  });

  it('does not share objects between renders', () => {
    const definition = service({ resources: { limits: { cpu: '1' } } }, {});
    const first = serviceValues(definition, 'prod') as { resources: { limits: Record<string, unknown> } };
    first.resources.limits.cpu = 'changed';
    expect(serviceValues(definition, 'prod')).toEqual({ resources: { limits: { cpu: '1' } } });
    expect(definition.values).toEqual({ resources: { limits: { cpu: '1' } } });
  });
});
