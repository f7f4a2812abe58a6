/** Evidence: in-toto statements in DSSE envelopes, stored next to image digests in the registry. */
export * from './statement.js';
export * from './dsse.js';
export * from './store.js';
export * from './verify.js';
