// Module hooks that let the plain-node bench import the workspace's TypeScript sources
// (`@digestline/core/*`, test/support/*.ts) without a build step: Node 20 cannot strip types, so each
// .ts file is transpiled on load with the TypeScript compiler the workspace already has (type
// information is not needed: `verbatimModuleSyntax` keeps every import as written).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
let ts;

export async function resolve(specifier, context, next) {
  const core = /^@digestline\/core(?:\/(.+))?$/.exec(specifier);
  if (core !== null) {
    const file = path.join(root, 'packages/core/src', `${core[1] ?? 'index'}.ts`);
    return { url: pathToFileURL(file).href, shortCircuit: true, format: 'module' };
  }
  const parent = context.parentURL;
  if (parent?.endsWith('.ts') && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const target = new URL(specifier, parent);
    const file = fileURLToPath(target);
    if (file.endsWith('.js') && !existsSync(file) && existsSync(`${file.slice(0, -3)}.ts`)) {
      return { url: pathToFileURL(`${file.slice(0, -3)}.ts`).href, shortCircuit: true, format: 'module' };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  ts ??= require('typescript');
  const source = await readFile(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
