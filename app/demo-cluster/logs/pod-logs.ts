import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../api/kube-object.js';
import type { Cluster } from '../cluster.js';

export function servePodLogs(_cluster: Cluster, _req: IncomingMessage, res: ServerResponse, _pod: KubeObject, _query: URLSearchParams): void {
  res.writeHead(200, { 'Content-Type': 'text/plain' }).end('');
}
