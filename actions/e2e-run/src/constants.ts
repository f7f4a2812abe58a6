/** Names as written in action.yml; a test holds the two together. */

export const Inputs = {
  Stack: 'stack',
  Images: 'images',
  Network: 'network',
  RunnerImage: 'runner-image',
  Tests: 'tests',
  BaseUrlService: 'base-url-service',
  Retries: 'retries',
  ArtifactName: 'artifact-name',
  UploadArtifacts: 'upload-artifacts',
  Engine: 'engine',
  SigningKey: 'signing-key',
  RequireDigests: 'require-digests',
  AllowHostPaths: 'allow-host-paths',
  AllowPrivileged: 'allow-privileged',
  WritableBindMounts: 'writable-bind-mounts',
} as const;

export const Outputs = {
  Result: 'result',
  Report: 'report',
  Evidence: 'evidence',
} as const;

export const State = {
  /** The project of the stack main starts, saved before anything is created; post tears it down. */
  Project: 'project',
  /** The engine kind main resolved (`docker`/`podman`), so post talks to the same one. */
  Engine: 'engine',
} as const;
