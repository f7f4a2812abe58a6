/** Input and output names of action.yml (packages/core/test/deploy/action.test.ts holds them together). */
export const Inputs = {
  Stack: 'stack',
  Images: 'images',
  Environment: 'environment',
  Mode: 'mode',
  To: 'to',
  HealthChecks: 'health-checks',
  Soak: 'soak',
  AutoRollback: 'auto-rollback',
  RequireDigests: 'require-digests',
  AllowHostPaths: 'allow-host-paths',
  AllowPrivileged: 'allow-privileged',
  WritableBindMounts: 'writable-bind-mounts',
  StateDir: 'state-dir',
  EventsWebhook: 'events-webhook',
  MetricsFile: 'metrics-file',
  Engine: 'engine',
  PromotionPublicKey: 'promotion-public-key',
  AllowUnsigned: 'allow-unsigned',
} as const;

export const Outputs = {
  Status: 'status',
  DeploymentId: 'deployment-id',
  Deployed: 'deployed',
  Previous: 'previous',
} as const;

export const MODES = ['deploy', 'rollback', 'status'] as const;
export type Mode = (typeof MODES)[number];
