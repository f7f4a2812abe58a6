/** Names as written in action.yml; a test holds the two together. */

export const Inputs = {
  Stack: 'stack',
  Images: 'images',
  TestCommand: 'test-command',
  TestImage: 'test-image',
  Timeout: 'timeout',
  KeepOnFailure: 'keep-on-failure',
  Engine: 'engine',
  SigningKey: 'signing-key',
  UnsafeHostCommandsWithKey: 'unsafe-host-commands-with-key',
  RequireDigests: 'require-digests',
  AllowHostPaths: 'allow-host-paths',
  AllowPrivileged: 'allow-privileged',
  WritableBindMounts: 'writable-bind-mounts',
} as const;

export const Outputs = {
  Result: 'result',
  Report: 'report',
  Bundle: 'bundle',
  Evidence: 'evidence',
} as const;

export const State = {
  /** The stack's project name, saved before anything is created; the post step tears it down. */
  Project: 'project',
  /** The engine kind main resolved (`docker`/`podman`), so post talks to the same one. */
  Engine: 'engine',
  /** `true` when keep-on-failure left a failed stack running on purpose. */
  Kept: 'kept',
} as const;
