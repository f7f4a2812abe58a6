/** Input, output names of action.yml (a test holds them together). */
export const Inputs = {
  Images: 'images',
  Target: 'target',
  Require: 'require',
  Commit: 'commit',
  LanePublicKeys: 'lane-public-keys',
  AllowUnsigned: 'allow-unsigned',
  EvidenceRun: 'evidence-run',
  SigningKey: 'signing-key',
  SourceUsername: 'source-username',
  SourcePassword: 'source-password',
  TargetUsername: 'target-username',
  TargetPassword: 'target-password',
} as const;

export const Outputs = {
  Promoted: 'promoted',
  Record: 'record',
} as const;
