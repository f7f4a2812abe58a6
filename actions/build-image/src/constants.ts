/** Names as written in action.yml; a test holds the two together. */

export const Inputs = {
  Context: 'context',
  File: 'file',
  Image: 'image',
  Tags: 'tags',
  BuildArgs: 'build-args',
  Labels: 'labels',
  Target: 'target',
  Policy: 'policy',
  Role: 'role',
  Push: 'push',
  Engine: 'engine',
  CacheFrom: 'cache-from',
  CacheTo: 'cache-to',
  RegistryUsername: 'registry-username',
  RegistryPassword: 'registry-password',
} as const;

export const Outputs = {
  Digest: 'digest',
  Image: 'image',
  Size: 'size',
  Metadata: 'metadata',
  PolicyReport: 'policy-report',
} as const;

export const State = {
  /** The step's private registry auth directory, while it exists. */
  AuthDir: 'auth-dir',
} as const;
