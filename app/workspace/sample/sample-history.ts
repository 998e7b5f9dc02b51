// The order in which the sample workspace came to be. Each step is one commit;
// a release step writes a template version (and tags it when published).
// Dates are days before "now", so the history always looks a few months old.

/** One commit of the sample history. */
export type SampleStep =
  | { daysAgo: number; release: { template: string; version: string } }
  | { daysAgo: number; message: string; files: string[]; variants?: Record<string, string> };

// checkout before its upgrade to web-service 2.x: the upgrade commit shows
// the 1.x -> 2.x migration (image string -> object, team) in its diff.
const checkoutOnWebService1 = `# Checkout: the storefront's payment entry point.
# On-call: #payments-oncall. Runbook: https://wiki.acme.example/payments/checkout
apiVersion: paver.dev/v1alpha1
kind: Service
metadata:
  name: checkout
  labels:
    team: payments
spec:
  template: web-service
  # Caret range: minor and patch releases of 1.x arrive automatically.
  version: "^1.1.0"
  values:
    image: ghcr.io/acme/checkout:2.1.0
    port: 8080
    config:
      PAYMENT_PROVIDER: stripe
      CURRENCY_DEFAULT: EUR
  environments:
    dev:
      namespace: payments-dev
      values:
        replicas: 1
        env:
          LOG_LEVEL: debug
    prod:
      namespace: payments-prod
      values:
        replicas: 4
        resources:
          requests:
            cpu: 500m
            memory: 512Mi
          limits:
            cpu: "1"
            memory: 1Gi
        ingress:
          enabled: true
          host: checkout.acme.example
          tls: true
`;

const release = (daysAgo: number, template: string, version: string): SampleStep => ({ daysAgo, release: { template, version } });

/** The commits of the sample workspace, oldest first. */
export const sampleHistory: readonly SampleStep[] = [
  { daysAgo: 212, message: 'Start the acme-platform workspace with dev and prod environments\n', files: ['paver.yaml'] },
  release(205, 'web-service', '1.0.0'),
  release(198, 'worker', '1.0.0'),
  release(191, 'cron-job', '1.0.0'),
  {
    daysAgo: 186,
    message: 'Onboard status-page, search-crawler and cert-rotator on the first templates\n',
    files: ['services/status-page.yaml', 'services/search-crawler.yaml', 'services/cert-rotator.yaml'],
  },
  release(171, 'web-service', '1.1.0'),
  {
    daysAgo: 166,
    message: 'Onboard checkout and search-api on web-service 1.x\n',
    files: ['services/checkout.yaml', 'services/search-api.yaml'],
    variants: { 'services/checkout.yaml': checkoutOnWebService1 },
  },
  release(152, 'web-service', '1.2.0'),
  { daysAgo: 149, message: 'Onboard legacy-billing, pinned to web-service 1.2.0\n', files: ['services/legacy-billing.yaml'] },
  release(141, 'worker', '1.1.0'),
  {
    daysAgo: 137,
    message: 'Onboard payment-events and log-shipper on worker 1.1\n',
    files: ['services/payment-events.yaml', 'services/log-shipper.yaml'],
  },
  {
    daysAgo: 123,
    message: 'Admission policies: prod replica floor, resource limits, no :latest, Acme registry only, non-root pods\n',
    files: [
      'policies/prod-min-replicas.yaml',
      'policies/require-resource-limits.yaml',
      'policies/disallow-latest-tag.yaml',
      'policies/allowed-repos.yaml',
      'policies/run-as-non-root.yaml',
    ],
  },
  release(112, 'cron-job', '1.1.0'),
  {
    daysAgo: 106,
    message: 'Onboard ledger-reconcile and search-reindex on cron-job 1.1\n',
    files: ['services/ledger-reconcile.yaml', 'services/search-reindex.yaml'],
  },
  release(93, 'worker', '1.1.1'),
  { daysAgo: 89, message: 'Onboard search-indexer on worker ^1.0.0\n', files: ['services/search-indexer.yaml'] },
  release(77, 'web-service', '2.0.0'),
  {
    daysAgo: 72,
    message: 'Upgrade checkout to web-service 2.x and onboard payments-api\n\ncheckout moves image to image.repository/tag, sets team, and autoscales in prod.\n',
    files: ['services/checkout.yaml', 'services/payments-api.yaml'],
  },
  {
    daysAgo: 61,
    message: 'Onboard search-frontend and docs-portal on web-service 2.x\n',
    files: ['services/search-frontend.yaml', 'services/docs-portal.yaml'],
  },
  {
    daysAgo: 47,
    message: 'Policies: team label (warn), readiness probes (warn, deny from 2027-02-01), worker >= 1.1.0, namespace quotas\n',
    files: [
      'policies/required-team-label.yaml',
      'policies/require-readiness-probes.yaml',
      'policies/worker-supported.yaml',
      'policies/namespace-quota.yaml',
    ],
  },
  {
    daysAgo: 33,
    message: 'Retire web-service 1.x: warn from 2026-12-01, deny from 2027-01-15\n\nlegacy-billing is exempt until 2027-03-01 (PAY-1042).\n',
    files: ['policies/web-service-v2.yaml'],
  },
  { daysAgo: 21, message: 'Onboard feature-flags in dev\n', files: ['services/feature-flags.yaml'] },
  release(9, 'web-service', '2.1.0'),
  { daysAgo: 2, message: 'Describe the sample scenario in the README\n', files: ['README.md'] },
];
