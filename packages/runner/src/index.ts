export * from './action.js';
export * from './commands.js';
export * from './expressions.js';
export * from './process.js';
export * from './report.js';
export * from './runner.js';
export * from './workflow.js';
export * from './wiring.js';
