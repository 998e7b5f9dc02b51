// Pod spec defaults exactly as kube-apiserver fills them in, so that a diff of
// a rendered manifest against the live object shows realistic defaulted fields.

function imagePullPolicyFor(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  const withoutDigest = image.split('@')[0]!;
  const lastSegment = withoutDigest.split('/').pop()!;
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  if (image.includes('@')) return 'IfNotPresent';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: any): void {
  if (!probe || typeof probe !== 'object') return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP';
}

function defaultContainer(container: any): void {
  if (!container || typeof container !== 'object') return;
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.imagePullPolicy ??= imagePullPolicyFor(container.image);
  for (const port of Array.isArray(container.ports) ? container.ports : []) port.protocol ??= 'TCP';
  container.resources ??= {};
  // The apiserver copies limits into empty requests.
  if (container.resources.limits && !container.resources.requests) container.resources.requests = { ...container.resources.limits };
  for (const env of Array.isArray(container.env) ? container.env : []) {
    if (env?.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

/** Fills pod spec defaults in place (used for Pods and every pod template). */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const list of [spec.containers, spec.initContainers]) {
    for (const container of Array.isArray(list) ? list : []) defaultContainer(container);
  }
  for (const volume of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (volume?.configMap) volume.configMap.defaultMode ??= 420;
    if (volume?.secret) volume.secret.defaultMode ??= 420;
  }
}

/** Pod-only defaults on top of the spec defaults (service account, tolerations, priority). */
export function defaultPod(pod: any): void {
  pod.spec ??= {};
  defaultPodSpec(pod.spec);
  pod.spec.serviceAccountName ??= pod.spec.serviceAccount ?? 'default';
  pod.spec.serviceAccount ??= pod.spec.serviceAccountName;
  pod.spec.enableServiceLinks ??= true;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
  pod.spec.priority ??= 0;
  pod.spec.tolerations ??= [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  pod.status ??= {};
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= 'BestEffort';
}
