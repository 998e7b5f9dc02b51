// What every cluster starts with: the system namespaces and one node.
import type { KubeObject } from '../api/kube-object.js';

/** The namespaces a fresh cluster has. */
export const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The single node pods are scheduled to. */
export const demoNodeName = 'paver-demo-control-plane';

/** The Node object, Ready, with plausible capacity. */
export function demoNode(): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: demoNodeName, labels: { 'kubernetes.io/hostname': demoNodeName, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/control-plane': '' } },
    spec: { podCIDR: '10.244.0.0/16' },
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: '110000' },
      allocatable: { cpu: '8', memory: '32Gi', pods: '110000' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: { kubeletVersion: 'v1.32.0-paver-demo', osImage: 'Paver demo node', containerRuntimeVersion: 'paver://1.0', architecture: 'amd64', operatingSystem: 'linux' },
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: demoNodeName }],
    },
  };
}
