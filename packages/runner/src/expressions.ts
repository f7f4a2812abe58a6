import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { parse as parseYaml } from 'yaml';
import { TokenType } from '@actions/expressions/lexer';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import { errorText } from './errors.js';

/** A plain JSON value: what contexts hold and what expressions evaluate to. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The contexts an expression can read, as plain JSON. Missing contexts read as empty objects. */
export interface Contexts {
  github: Record<string, JsonValue>;
  env: Record<string, string>;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  inputs: Record<string, JsonValue>;
  needs: Record<string, { outputs: Record<string, string>; result: string }>;
  steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }>;
  job: Record<string, JsonValue>;
  runner: Record<string, JsonValue>;
  matrix: Record<string, JsonValue>;
  strategy: Record<string, JsonValue>;
}

/** What the status functions answer where the expression is evaluated (job or step level). */
export interface StatusState {
  /** Everything before succeeded (all needs for a job; all earlier steps for a step). */
  success: boolean;
  /** Something before failed. */
  failure: boolean;
  /** The run was cancelled. */
  cancelled: boolean;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];
const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'needs',
  'steps',
  'job',
  'runner',
  'matrix',
  'strategy',
];

/** Raised for an expression that does not parse or cannot be evaluated here; `where` names the key. */
export class ExpressionFailure extends Error {
  constructor(
    readonly where: string,
    readonly expression: string,
    reason: string,
  ) {
    super(`${where}: ${reason} (in \${{ ${expression} }})`);
    this.name = 'ExpressionFailure';
  }
}

function functions(status: StatusState): Map<string, FunctionDefinition> {
  const constant = (name: string, value: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value()),
  });
  return new Map<string, FunctionDefinition>([
    ['success', constant('success', () => status.success && !status.cancelled)],
    ['failure', constant('failure', () => status.failure)],
    ['always', constant('always', () => true)],
    ['cancelled', constant('cancelled', () => status.cancelled)],
    [
      'hashfiles',
      {
        name: 'hashFiles',
        minArgs: 1,
        maxArgs: 255,
        call: () => {
          throw new Error('hashFiles() is not supported by the local runner');
        },
      },
    ],
  ]);
}

const FUNCTION_INFO = [
  ...STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 })),
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

function toExpressionData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

/** Converts an evaluation result back to plain JSON. */
export function toJson(value: data.ExpressionData): JsonValue {
  return JSON.parse(JSON.stringify(value, data.replacer)) as JsonValue;
}

function contextDictionary(contexts: Partial<Contexts>): data.Dictionary {
  const dict = new data.Dictionary();
  for (const name of CONTEXT_NAMES) {
    dict.add(name, toExpressionData(contexts[name as keyof Contexts] ?? {}));
  }
  return dict;
}

/** True when the expression calls one of success(), failure(), always(), cancelled(). */
export function usesStatusFunction(expression: string): boolean {
  const tokens = new Lexer(expression).lex().tokens;
  return tokens.some(
    (t, i) =>
      t.type === TokenType.IDENTIFIER &&
      STATUS_FUNCTIONS.includes(t.lexeme.toLowerCase()) &&
      tokens[i + 1]?.type === TokenType.LEFT_PAREN,
  );
}

/**
 * Evaluates one expression (without `${{ }}`). `where` names the workflow key for error messages.
 * Throws ExpressionFailure on parse or evaluation errors (e.g. hashFiles()).
 */
export function evaluateExpression(
  expression: string,
  contexts: Partial<Contexts>,
  status: StatusState,
  where: string,
): data.ExpressionData {
  try {
    const tokens = new Lexer(expression).lex().tokens;
    const tree = new Parser(tokens, CONTEXT_NAMES, FUNCTION_INFO).parse();
    return new Evaluator(tree, contextDictionary(contexts), functions(status)).evaluate();
  } catch (err) {
    throw new ExpressionFailure(where, expression, errorText(err));
  }
}

/**
 * Evaluates an `if:` condition as the runners do: without a status function it means
 * `success() && (<condition>)`.
 */
export function evaluateCondition(
  expression: string,
  contexts: Partial<Contexts>,
  status: StatusState,
  where: string,
): boolean {
  const text = expression.trim() === '' ? 'success()' : expression;
  const full = usesStatusFunction(text) ? text : `success() && (${text})`;
  return truthy(evaluateExpression(full, contexts, status, where));
}

/**
 * The decoded YAML string behind a multi-line scalar that contains `${{ }}`, or undefined.
 * @actions/workflow-parser builds such expressions from the raw YAML source (indentation, quotes,
 * and folding left as written), so the runner decodes the source again and expands it itself.
 */
export function multiLineTemplate(token: TemplateToken): string | undefined {
  if (!isBasicExpression(token) || token.source === undefined || !token.range) return undefined;
  if (token.range.start.line === token.range.end.line) return undefined;
  const header = token.blockScalarHeader ? `${token.blockScalarHeader}\n` : '';
  const decoded: unknown = parseYaml(`k: ${header}${token.source}`);
  const value = (decoded as { k?: unknown } | null)?.k;
  return typeof value === 'string' ? value : undefined;
}

/** Evaluates a parsed workflow token (literal, expression, mapping or sequence) to plain JSON. */
export function evaluateToken(
  token: TemplateToken,
  contexts: Partial<Contexts>,
  status: StatusState,
  where: string,
): JsonValue {
  if (isBasicExpression(token)) {
    const text = multiLineTemplate(token);
    if (text !== undefined) return expandTemplateString(text, contexts, status, where);
    return toJson(evaluateExpression(token.expression, contexts, status, where));
  }
  if (isString(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isMapping(token)) {
    const out: Record<string, JsonValue> = {};
    for (const pair of token) {
      const key = evaluateToken(pair.key, contexts, status, `${where}.<key>`);
      out[String(key)] = evaluateToken(pair.value, contexts, status, `${where}.${String(key)}`);
    }
    return out;
  }
  if (isSequence(token)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < token.count; i++) {
      out.push(evaluateToken(token.get(i), contexts, status, `${where}[${i}]`));
    }
    return out;
  }
  if (token.isExpression) {
    throw new ExpressionFailure(where, String(token), '${{ insert }} is not supported by the local runner');
  }
  return null;
}

/** The string the runners make of a value put into env, with: or an output. */
export function stringify(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return toExpressionData(value).coerceString();
  return toExpressionData(value).coerceString();
}

/** Evaluates a token and coerces it to a string (env values, `with:` inputs, outputs). */
export function evaluateString(
  token: TemplateToken,
  contexts: Partial<Contexts>,
  status: StatusState,
  where: string,
): string {
  return stringify(evaluateToken(token, contexts, status, where));
}

/**
 * Expands `${{ … }}` inside a plain string (action.yml input defaults, which are not parsed as a
 * workflow template). Quotes inside the expression may contain `}}`.
 */
export function expandTemplateString(
  text: string,
  contexts: Partial<Contexts>,
  status: StatusState,
  where: string,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    let j = start + 3;
    let inString = false;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      if (c === "'") {
        if (inString && text[j + 1] === "'") j++;
        else inString = !inString;
      } else if (!inString && c === '}' && text[j + 1] === '}') {
        end = j;
        break;
      }
      j++;
    }
    if (end < 0) throw new ExpressionFailure(where, text.slice(start), 'unterminated ${{');
    const expression = text.slice(start + 3, end).trim();
    out += stringify(toJson(evaluateExpression(expression, contexts, status, where)));
    i = end + 2;
  }
  return out;
}
