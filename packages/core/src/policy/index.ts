export * from './types.js';
export * from './size.js';
export * from './glob.js';
export * from './file-tree.js';
export * from './load.js';
export * from './check.js';
export * from './report.js';
