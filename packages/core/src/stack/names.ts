/**
 * The naming rule of stacks, apart from the stack file parser (and its YAML library): deploy-staging
 * checks its `environment` input against it before anything else is loaded.
 */

/** Service, volume and project names: safe as DNS names, container-name parts and placeholders. */
export const STACK_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
