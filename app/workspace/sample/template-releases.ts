// The published history of the sample templates, newest first per template.
// Only the newest content is stored (resources/sample-workspace); each release
// says how to turn its files into the previous release's, so older versions
// are real, renderable variants without a second copy of every chart.

/** An edit that turns a newer version of a file into the older one. */
export type FileRevert =
  | { file: string; replace: Array<[newer: string, older: string]> }
  | { file: string; json: (schema: Record<string, any>) => void }
  | { file: string; absent: true };

/** One version of a template, and how to get back to the version before it. */
export interface TemplateRelease {
  template: string;
  version: string;
  /** The tag message: the changelog entry. Undefined for the unpublished draft. */
  changelog?: string;
  /** The commit message that introduced this version's content. */
  commitMessage: string;
  /** Turns this version's files into the previous release's; empty for the first release. */
  revertToPrevious: FileRevert[];
}

const deleteProperties = (...names: string[]) => (schema: Record<string, any>): void => {
  for (const name of names) delete schema.properties[name];
};

const webService: TemplateRelease[] = [
  {
    template: 'web-service',
    version: '2.1.0',
    commitMessage: 'web-service: optional PodDisruptionBudget (unreleased draft of 2.1.0)\n\nKeeps pods up during node drains; off by default.\n',
    revertToPrevious: [
      { file: 'templates/pdb.yaml', absent: true },
      { file: 'values.yaml', replace: [['podDisruptionBudget:\n  enabled: false\n  minAvailable: 1\n\n', '']] },
      {
        file: 'values.schema.json',
        json: (schema) => {
          deleteProperties('podDisruptionBudget')(schema);
          schema.description = 'Values of the web-service template: an HTTP service with a Deployment, a Service, and optional Ingress and autoscaling.';
        },
      },
    ],
  },
  {
    template: 'web-service',
    version: '2.0.0',
    changelog: [
      'web-service 2.0.0: image object and a required team',
      '',
      'BREAKING CHANGES',
      '- image is an object now: move image: "repo:tag" to image.repository and image.tag.',
      '- imagePullPolicy moved to image.pullPolicy.',
      '- team is required; it becomes the paver.dev/team label.',
      '',
      'Other changes',
      '- app.kubernetes.io/version follows image.tag.',
      '',
    ].join('\n'),
    commitMessage: 'web-service: image as an object, required team label (2.0.0)\n\nBreaking: services on 1.x move image and imagePullPolicy and set team.\n',
    revertToPrevious: [
      {
        file: 'values.yaml',
        replace: [[
          '# Team that owns the service; becomes the paver.dev/team label. Required:\n# every service sets it, e.g. team: payments\n# team:\n\n' +
            'image:\n  # Registry and repository, without a tag, e.g. ghcr.io/acme/checkout.\n  repository: ""\n' +
            '  # Image tag; defaults to the chart\'s appVersion. Never use "latest".\n  tag: ""\n  pullPolicy: IfNotPresent\n',
          '# Image reference "repository:tag", e.g. ghcr.io/acme/checkout:1.4.2. Required.\nimage: ""\nimagePullPolicy: IfNotPresent\n',
        ]],
      },
      {
        file: 'values.schema.json',
        json: (schema) => {
          schema.required = ['image'];
          const properties: Record<string, unknown> = {};
          for (const [name, property] of Object.entries(schema.properties)) {
            if (name === 'team') continue;
            if (name === 'image') {
              properties.image = { type: 'string', minLength: 1, description: 'Image reference "repository:tag", e.g. ghcr.io/acme/checkout:1.4.2.' };
              properties.imagePullPolicy = { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'], default: 'IfNotPresent', description: 'When the kubelet pulls the image.' };
              continue;
            }
            properties[name] = property;
          }
          schema.properties = properties;
        },
      },
      {
        file: 'templates/_helpers.tpl',
        replace: [
          ['app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}', 'app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}'],
          ['\npaver.dev/team: {{ required "values.team is required: name the team that owns this service" .Values.team }}', ''],
          [
            '{{- printf "%s:%s" (required "values.image.repository is required, e.g. ghcr.io/acme/checkout" .Values.image.repository) (.Values.image.tag | default .Chart.AppVersion) }}',
            '{{- required "values.image is required, e.g. ghcr.io/acme/checkout:1.4.2" .Values.image }}',
          ],
        ],
      },
      { file: 'templates/deployment.yaml', replace: [['imagePullPolicy: {{ .Values.image.pullPolicy }}', 'imagePullPolicy: {{ .Values.imagePullPolicy }}']] },
      { file: 'templates/NOTES.txt', replace: [['({{ .Values.image.repository }})', '({{ .Values.image }})']] },
    ],
  },
  {
    template: 'web-service',
    version: '1.2.0',
    changelog: [
      'web-service 1.2.0: optional CPU autoscaling',
      '',
      '- New values autoscaling.enabled, minReplicas, maxReplicas and targetCPUUtilizationPercentage create a HorizontalPodAutoscaler.',
      '- With autoscaling on, the Deployment renders minReplicas as its replica count.',
      '',
    ].join('\n'),
    commitMessage: 'web-service: optional HorizontalPodAutoscaler (1.2.0)\n',
    revertToPrevious: [
      { file: 'templates/hpa.yaml', absent: true },
      {
        file: 'values.yaml',
        replace: [
          ['autoscaling:\n  enabled: false\n  minReplicas: 2\n  maxReplicas: 10\n  targetCPUUtilizationPercentage: 75\n\n', ''],
          ['# Pod count when autoscaling is off.\n', '# Pod count.\n'],
        ],
      },
      {
        file: 'values.schema.json',
        json: (schema) => {
          deleteProperties('autoscaling')(schema);
          schema.properties.replicas.description = 'Number of pods. Prod requires at least 2.';
          schema.description = 'Values of the web-service template: an HTTP service with a Deployment, a Service, and an optional Ingress.';
        },
      },
      {
        file: 'templates/deployment.yaml',
        replace: [[
          '  {{- if .Values.autoscaling.enabled }}\n  # The HPA owns the count; render its floor so admission policies see it.\n' +
            '  replicas: {{ .Values.autoscaling.minReplicas }}\n  {{- else }}\n  replicas: {{ .Values.replicas }}\n  {{- end }}\n',
          '  replicas: {{ .Values.replicas }}\n',
        ]],
      },
    ],
  },
  {
    template: 'web-service',
    version: '1.1.0',
    changelog: [
      'web-service 1.1.0: readiness and liveness probes',
      '',
      '- New values probes.enabled (default true), probes.path (default /healthz) and probes.initialDelaySeconds.',
      '- Rollouts now wait for pods that answer their readiness probe.',
      '',
    ].join('\n'),
    commitMessage: 'web-service: HTTP readiness and liveness probes (1.1.0)\n',
    revertToPrevious: [
      { file: 'values.yaml', replace: [['probes:\n  enabled: true\n  path: /healthz\n  initialDelaySeconds: 5\n\n', '']] },
      { file: 'values.schema.json', json: deleteProperties('probes') },
      {
        file: 'templates/deployment.yaml',
        replace: [[
          '          {{- if .Values.probes.enabled }}\n          readinessProbe:\n            httpGet:\n              path: {{ .Values.probes.path }}\n' +
            '              port: http\n            initialDelaySeconds: {{ .Values.probes.initialDelaySeconds }}\n          livenessProbe:\n' +
            '            httpGet:\n              path: {{ .Values.probes.path }}\n              port: http\n' +
            '            initialDelaySeconds: {{ .Values.probes.initialDelaySeconds }}\n          {{- end }}\n',
          '',
        ]],
      },
    ],
  },
  {
    template: 'web-service',
    version: '1.0.0',
    changelog: [
      'web-service 1.0.0: first release of the HTTP service golden path',
      '',
      '- Deployment, Service, ServiceAccount and ConfigMap, named after the service.',
      '- Optional Ingress with TLS.',
      '- Pods run as non-root with a read-only root filesystem.',
      '',
    ].join('\n'),
    commitMessage: 'web-service: first golden path for HTTP services (1.0.0)\n',
    revertToPrevious: [],
  },
];

const teamLabelHelper = '\n{{- with .Values.team }}\npaver.dev/team: {{ . }}\n{{- end }}';

const worker: TemplateRelease[] = [
  {
    template: 'worker',
    version: '1.1.1',
    changelog: [
      'worker 1.1.1: quote env values',
      '',
      '- Fix: numbers and booleans in env were rendered unquoted, which the API server rejects (env values must be strings).',
      '',
    ].join('\n'),
    commitMessage: 'worker: quote env values (1.1.1)\n\nBATCH_SIZE: 500 rendered as a number and the API server refused the Deployment.\n',
    revertToPrevious: [{ file: 'templates/deployment.yaml', replace: [['              value: {{ $value | quote }}', '              value: {{ $value }}']] }],
  },
  {
    template: 'worker',
    version: '1.1.0',
    changelog: [
      'worker 1.1.0: disruption budget and team label',
      '',
      '- New values podDisruptionBudget.enabled and podDisruptionBudget.minAvailable.',
      '- New value team sets the paver.dev/team label.',
      '',
    ].join('\n'),
    commitMessage: 'worker: optional PodDisruptionBudget and team label (1.1.0)\n',
    revertToPrevious: [
      { file: 'templates/pdb.yaml', absent: true },
      {
        file: 'values.yaml',
        replace: [
          ['# Team that owns the worker; becomes the paver.dev/team label when set.\nteam: ""\n\n', ''],
          ['\npodDisruptionBudget:\n  enabled: false\n  minAvailable: 1\n', ''],
        ],
      },
      { file: 'values.schema.json', json: deleteProperties('team', 'podDisruptionBudget') },
      { file: 'templates/_helpers.tpl', replace: [[teamLabelHelper, '']] },
    ],
  },
  {
    template: 'worker',
    version: '1.0.0',
    changelog: [
      'worker 1.0.0: first release of the queue worker golden path',
      '',
      '- A Deployment without a Service; WORKER_CONCURRENCY from the concurrency value.',
      '- A 60-second grace period to finish in-flight jobs.',
      '',
    ].join('\n'),
    commitMessage: 'worker: first golden path for queue consumers (1.0.0)\n',
    revertToPrevious: [],
  },
];

const cronJob: TemplateRelease[] = [
  {
    template: 'cron-job',
    version: '1.1.0',
    changelog: [
      'cron-job 1.1.0: time zones, concurrency policy and non-root pods',
      '',
      '- New value timeZone (an IANA name such as Europe/Berlin).',
      '- New value concurrencyPolicy: Allow, Forbid or Replace (default Forbid, as before).',
      '- Pods run as non-root with the RuntimeDefault seccomp profile.',
      '- New value team sets the paver.dev/team label.',
      '',
    ].join('\n'),
    commitMessage: 'cron-job: time zone, concurrency policy, non-root pods, team label (1.1.0)\n',
    revertToPrevious: [
      {
        file: 'values.yaml',
        replace: [
          ['# Team that owns the job; becomes the paver.dev/team label when set.\nteam: ""\n\n', ''],
          [
            '# IANA time zone of the schedule; empty means the controller\'s time zone (UTC).\ntimeZone: ""\n\n' +
              '# Allow, Forbid or Replace a run that starts while the previous one is running.\nconcurrencyPolicy: Forbid\n\n',
            '',
          ],
        ],
      },
      { file: 'values.schema.json', json: deleteProperties('team', 'timeZone', 'concurrencyPolicy') },
      { file: 'templates/_helpers.tpl', replace: [[teamLabelHelper, '']] },
      {
        file: 'templates/cronjob.yaml',
        replace: [
          [
            '  {{- with .Values.timeZone }}\n  timeZone: {{ . | quote }}\n  {{- end }}\n  concurrencyPolicy: {{ .Values.concurrencyPolicy }}\n',
            '  concurrencyPolicy: Forbid\n',
          ],
          ['          securityContext:\n            runAsNonRoot: true\n            seccompProfile:\n              type: RuntimeDefault\n          containers:\n', '          containers:\n'],
        ],
      },
    ],
  },
  {
    template: 'cron-job',
    version: '1.0.0',
    changelog: [
      'cron-job 1.0.0: first release of the scheduled job golden path',
      '',
      '- A CronJob that forbids overlapping runs and keeps three finished and three failed runs.',
      '',
    ].join('\n'),
    commitMessage: 'cron-job: first golden path for scheduled jobs (1.0.0)\n',
    revertToPrevious: [],
  },
];

/** Every release of the sample templates, newest first within each template. */
export const templateReleases: readonly TemplateRelease[] = [...webService, ...worker, ...cronJob];
