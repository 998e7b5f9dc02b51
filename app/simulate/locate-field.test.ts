// A finding points at the line of its failing field in the rendered YAML, or of
// the deepest parent that exists, whatever style the template rendered.
import { describe, expect, it } from 'vitest';
import { lineOfField } from './locate-field.js';

const deployment = [
  'apiVersion: apps/v1', //                       1
  'kind: Deployment', //                          2
  'metadata:', //                                 3
  '  name: checkout', //                          4
  '  annotations:', //                            5
  '    app.kubernetes.io/name: checkout', //      6
  'spec:', //                                     7
  '  template:', //                               8
  '    spec:', //                                 9
  '', //                                          10
  '      # the main container', //                11
  '      containers:', //                         12
  '      - name: app', //                         13
  '        image: ghcr.io/acme/checkout:1.4.2', // 14
  '        ports:', //                            15
  '          - containerPort: 8080', //           16
  '          -', //                               17
  '            containerPort: 9090', //           18
  '        resources: {}', //                     19
  '        args: |', //                           20
  '          --port: 1', //                       21
  '      - name: sidecar', //                     22
  '',
].join('\n');

describe('lineOfField', () => {
  it('finds keys, list items and the deepest existing parent', () => {
    expect(lineOfField(deployment, undefined)).toBe(1);
    expect(lineOfField(deployment, 'metadata.annotations.app.kubernetes.io/name')).toBe(5);
    expect(lineOfField(deployment, "metadata.annotations['app.kubernetes.io/name']")).toBe(6);
    expect(lineOfField(deployment, 'spec.template.spec.containers[0].image')).toBe(14);
    expect(lineOfField(deployment, 'spec.template.spec.containers[1]')).toBe(22);
    expect(lineOfField(deployment, 'spec.template.spec.containers[1].resources.limits')).toBe(22);
    expect(lineOfField(deployment, 'spec.template.spec.containers[2].image')).toBe(12);
    expect(lineOfField(deployment, 'spec.template.spec.containers[0].ports[1]')).toBe(18);
    expect(lineOfField(deployment, 'spec.template.spec.containers[0].resources.limits.cpu')).toBe(19);
    expect(lineOfField(deployment, 'spec.template.spec.containers[0].args.port')).toBe(20);
    expect(lineOfField(deployment, 'spec.replicas')).toBe(7);
  });

  it('handles flow collections, anchors and quoted keys', () => {
    const text = ['a:', '  - &item', '    b: 1', '  - {c: 2}', '"quoted": x', 'd: [1, 2]', ''].join('\n');
    expect(lineOfField(text, 'a[0].b')).toBe(3);
    expect(lineOfField(text, 'a[1].c')).toBe(4);
    expect(lineOfField(text, 'quoted')).toBe(5);
    expect(lineOfField(text, 'd[1]')).toBe(6);
  });
});
