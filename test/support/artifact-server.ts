/**
 * A loopback stand-in for Forgejo's artifact v4 service, strict where Forgejo is strict.
 *
 * Mirrors forgejo/forgejo `routers/api/actions/artifactsv4.go` (same in go-gitea/gitea):
 * - Twirp JSON endpoints under {@link ARTIFACT_SERVICE_PREFIX}, bodies decoded like Go's
 *   `protojson.Unmarshal` with default options (DiscardUnknown=false): an unknown field, a duplicate
 *   field or a wrongly typed value is refused. Forgejo answers such bodies with a plain-text
 *   500 "Error decode request body" (which @actions/artifact retries five times before giving up);
 *   this server answers 400 with a Twirp JSON error naming the field by default, so a failing test
 *   says why at once. `decodeErrorStatus: 500` restores Forgejo's status.
 * - Requests carry `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`, an HS256 JWT whose `scp` claim
 *   holds `Actions.Results:<runID>:<jobID>`; `workflow_run_backend_id` must equal the run id.
 * - CreateArtifact hands out `.../UploadArtifact?sig=&expires=&artifactName=&taskID=&artifactID=`
 *   where `sig` is base64 (URL alphabet, WITH `=` padding, as Go's `base64.URLEncoding`) of
 *   HMAC-SHA256(endpoint + expires + artifactName + taskID + artifactID). The PUTs to that URL
 *   (Azure Blob `comp=block&blockid=`, `comp=appendBlock`, `comp=blocklist`) are verified the same
 *   way; a signature whose padding was stripped does not decode and is refused with 401.
 * - FinalizeArtifact joins the blocks in block-list order and checks the `sha256:` hash.
 *
 * Finalized artifacts are kept in memory (`artifacts`), with the zip bytes, for assertions;
 * {@link readZip} lists a zip's entries.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, inflateRawSync } from 'node:zlib';

/** Route prefix of the v4 artifact service (`ArtifactV4RouteBase` in Forgejo). */
export const ARTIFACT_SERVICE_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService';

// ---------------------------------------------------------------------------------------------
// Strict protojson decoding
// ---------------------------------------------------------------------------------------------

type FieldKind = 'string' | 'int32' | 'int64' | 'bool' | 'timestamp' | 'stringValue' | 'int64Value';

interface FieldSpec {
  /** Name in the .proto file (`workflow_run_backend_id`). */
  proto: string;
  /** protojson's JSON name (`workflowRunBackendId`); protojson accepts both spellings. */
  json: string;
  kind: FieldKind;
}

/** A message of Forgejo's `artifact.proto` (package github.actions.results.api.v1). */
export interface MessageSchema {
  name: string;
  fields: FieldSpec[];
}

function schema(name: string, fields: Array<[string, FieldKind]>): MessageSchema {
  return {
    name,
    fields: fields.map(([proto, kind]) => ({
      proto,
      json: proto.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
      kind,
    })),
  };
}

/**
 * Request messages exactly as Forgejo's `routers/api/actions/artifact.proto` declares them. Note what
 * is absent: CreateArtifactRequest has no `mime_type` (field 6 in @actions/artifact 6.2.x).
 */
export const REQUEST_SCHEMAS = {
  CreateArtifact: schema('CreateArtifactRequest', [
    ['workflow_run_backend_id', 'string'],
    ['workflow_job_run_backend_id', 'string'],
    ['name', 'string'],
    ['expires_at', 'timestamp'],
    ['version', 'int32'],
  ]),
  FinalizeArtifact: schema('FinalizeArtifactRequest', [
    ['workflow_run_backend_id', 'string'],
    ['workflow_job_run_backend_id', 'string'],
    ['name', 'string'],
    ['size', 'int64'],
    ['hash', 'stringValue'],
  ]),
  ListArtifacts: schema('ListArtifactsRequest', [
    ['workflow_run_backend_id', 'string'],
    ['workflow_job_run_backend_id', 'string'],
    ['name_filter', 'stringValue'],
    ['id_filter', 'int64Value'],
  ]),
  GetSignedArtifactURL: schema('GetSignedArtifactURLRequest', [
    ['workflow_run_backend_id', 'string'],
    ['workflow_job_run_backend_id', 'string'],
    ['name', 'string'],
  ]),
  DeleteArtifact: schema('DeleteArtifactRequest', [
    ['workflow_run_backend_id', 'string'],
    ['workflow_job_run_backend_id', 'string'],
    ['name', 'string'],
  ]),
} as const satisfies Record<string, MessageSchema>;

/** A body that Go's protojson would refuse; `message` reads like protojson's error. */
export class ProtoJsonError extends Error {
  override readonly name = 'ProtoJsonError';
}

type JsonValue =
  | { type: 'object'; entries: Array<{ key: string; value: JsonValue; at: number }>; at: number }
  | { type: 'array'; items: JsonValue[]; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; text: string; at: number }
  | { type: 'bool'; value: boolean; at: number }
  | { type: 'null'; at: number };

/**
 * A JSON parser that keeps duplicate keys and the raw text of numbers (JSON.parse loses both, and
 * protojson refuses duplicates and checks integer ranges on the text).
 */
class JsonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  where(at: number): string {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return `(line ${line}:${column})`;
  }

  fail(message: string, at = this.pos): never {
    throw new ProtoJsonError(`proto: ${this.where(at)}: ${message}`);
  }

  parseDocument(): JsonValue {
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos !== this.text.length)
      this.fail(`unexpected token ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))}`);
    return value;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text.charAt(this.pos))) this.pos++;
  }

  private parseValue(): JsonValue {
    this.skipSpace();
    const at = this.pos;
    const c = this.text.charAt(this.pos);
    if (c === '{') return this.parseObject();
    if (c === '[') {
      this.pos++;
      const items: JsonValue[] = [];
      this.skipSpace();
      if (this.text.charAt(this.pos) === ']') {
        this.pos++;
        return { type: 'array', items, at };
      }
      for (;;) {
        items.push(this.parseValue());
        this.skipSpace();
        const next = this.text.charAt(this.pos++);
        if (next === ']') return { type: 'array', items, at };
        if (next !== ',') this.fail('expected , or ] in array', this.pos - 1);
      }
    }
    if (c === '"') return { type: 'string', value: this.parseString(), at };
    for (const [word, value] of [
      ['true', { type: 'bool', value: true, at }],
      ['false', { type: 'bool', value: false, at }],
      ['null', { type: 'null', at }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { type: 'number', text: number[0], at };
    }
    return this.fail(c === '' ? 'unexpected end of JSON input' : `invalid value ${JSON.stringify(c)}`);
  }

  private parseObject(): JsonValue {
    const at = this.pos;
    this.pos++;
    const entries: Array<{ key: string; value: JsonValue; at: number }> = [];
    this.skipSpace();
    if (this.text.charAt(this.pos) === '}') {
      this.pos++;
      return { type: 'object', entries, at };
    }
    for (;;) {
      this.skipSpace();
      const keyAt = this.pos;
      if (this.text.charAt(this.pos) !== '"') this.fail('expected a string key in object');
      const key = this.parseString();
      this.skipSpace();
      if (this.text.charAt(this.pos++) !== ':') this.fail('expected : after object key', this.pos - 1);
      entries.push({ key, value: this.parseValue(), at: keyAt });
      this.skipSpace();
      const next = this.text.charAt(this.pos++);
      if (next === '}') return { type: 'object', entries, at };
      if (next !== ',') this.fail('expected , or } in object', this.pos - 1);
    }
  }

  private parseString(): string {
    // JSON forbids raw control characters (U+0000–U+001F) inside strings.
    // eslint-disable-next-line no-control-regex
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(
      this.text.slice(this.pos),
    );
    if (!match) return this.fail('invalid string');
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** protojson integers: a JSON number or a string holding one, integral, in range. */
function decodeInteger(
  reader: JsonReader,
  value: JsonValue,
  fieldName: string,
  bits: 32 | 64,
): bigint | ProtoJsonError {
  const label = bits === 32 ? 'int32' : 'int64';
  let text: string;
  if (value.type === 'number') text = value.text;
  else if (value.type === 'string') text = value.value;
  else
    return new ProtoJsonError(
      `proto: ${reader.where(value.at)}: invalid value for ${label} field ${fieldName}`,
    );
  const match = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const invalid = new ProtoJsonError(
    `proto: ${reader.where(value.at)}: invalid value for ${label} field ${fieldName}: ${text}`,
  );
  if (!match) return invalid;
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let digits = whole + fraction;
  const scale = exponent - fraction.length;
  if (scale >= 0) digits += '0'.repeat(scale);
  else if (/[^0]/.test(digits.slice(digits.length + scale))) return invalid;
  else digits = digits.slice(0, digits.length + scale) || '0';
  const result = BigInt(sign + digits);
  const [min, max] = bits === 32 ? [INT32_MIN, INT32_MAX] : [INT64_MIN, INT64_MAX];
  if (result < min || result > max) return invalid;
  return result;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Decoded fields, keyed by proto name; absent and `null` fields are missing. */
export type DecodedMessage = Map<string, string | bigint | boolean>;

/**
 * Decodes `body` as protojson does with `protojson.Unmarshal` (DiscardUnknown=false).
 *
 * @throws ProtoJsonError for malformed JSON, unknown or duplicate fields and wrongly typed values
 */
export function decodeProtoJson(message: MessageSchema, body: string): DecodedMessage {
  const reader = new JsonReader(body);
  const root = reader.parseDocument();
  if (root.type !== 'object') {
    throw new ProtoJsonError(
      `proto: ${reader.where(root.at)}: unexpected token, want an object for ${message.name}`,
    );
  }
  const decoded: DecodedMessage = new Map();
  const seen = new Set<string>();
  for (const { key, value, at } of root.entries) {
    const field = message.fields.find((f) => f.proto === key || f.json === key);
    if (field === undefined) throw new ProtoJsonError(`proto: ${reader.where(at)}: unknown field "${key}"`);
    if (seen.has(field.proto))
      throw new ProtoJsonError(`proto: ${reader.where(at)}: duplicate field "${key}"`);
    seen.add(field.proto);
    if (value.type === 'null') continue;
    const wrongType = (): never => {
      throw new ProtoJsonError(
        `proto: ${reader.where(value.at)}: invalid value for ${field.kind} field ${field.proto}: ${value.type}`,
      );
    };
    switch (field.kind) {
      case 'string':
      case 'stringValue':
        if (value.type !== 'string') wrongType();
        else decoded.set(field.proto, value.value);
        break;
      case 'bool':
        if (value.type !== 'bool') wrongType();
        else decoded.set(field.proto, value.value);
        break;
      case 'int32':
      case 'int64':
      case 'int64Value': {
        const result = decodeInteger(reader, value, field.proto, field.kind === 'int32' ? 32 : 64);
        if (result instanceof ProtoJsonError) throw result;
        decoded.set(field.proto, result);
        break;
      }
      case 'timestamp': {
        if (value.type !== 'string') wrongType();
        const text = value.type === 'string' ? value.value : '';
        const match = RFC3339.exec(text);
        if (!match || Number.isNaN(Date.parse(text)) || Number(match[1]) < 1) {
          throw new ProtoJsonError(
            `proto: ${reader.where(value.at)}: invalid google.protobuf.Timestamp value ${JSON.stringify(text)}`,
          );
        }
        decoded.set(field.proto, text);
        break;
      }
    }
  }
  return decoded;
}

// ---------------------------------------------------------------------------------------------
// Signed URLs and tokens
// ---------------------------------------------------------------------------------------------

/**
 * Go's `base64.URLEncoding.DecodeString`: URL alphabet, padding required. Node's own `base64url`
 * decoder accepts missing padding and stray characters, which would hide the bug this server exists
 * to catch.
 */
export function decodeBase64UrlStrict(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9_-]*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/.test(text)) {
    return undefined;
  }
  return Buffer.from(text, 'base64url');
}

/** Go's time format `2006-01-02 15:04:05.999999999 -0700 MST` for UTC (how Forgejo writes `expires`). */
function formatGoTime(date: Date): string {
  const iso = date.toISOString(); // 2024-01-23T21:48:37.208Z
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === '' ? '' : `.${fraction}`} +0000 UTC`;
}

function parseGoTime(text: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,9})? ([+-])(\d{2})(\d{2}) [A-Z]+$/.exec(
    text,
  );
  if (!match) return undefined;
  const [, day, time, fraction = '', sign, hours, minutes] = match;
  const date = new Date(`${day}T${time}${fraction.slice(0, 4)}${sign}${hours}:${minutes}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/** One request as the server saw it, for assertions and for debugging a failing test. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** The query exactly as sent (before any decoding), without the leading `?`. */
  rawQuery: string;
  status: number;
  /** Why the request was refused, when it was. */
  error?: string;
  /** Request body for the Twirp endpoints (JSON text); blob bodies are not kept here. */
  body?: string;
}

/** An artifact that was finalized. */
export interface ReceivedArtifact {
  id: number;
  name: string;
  /** The zip as assembled from the blocks, in block-list order. */
  zip: Buffer;
  /** `size` as the client declared it in FinalizeArtifact. */
  declaredSize: bigint;
  /** `hash` as the client declared it (`sha256:<hex>`), when it sent one. */
  hash?: string;
  /** `expires_at` from CreateArtifact (RFC 3339), when sent. */
  expiresAt?: string;
  /** The CreateArtifact `version` field. */
  version?: bigint;
}

interface PendingArtifact {
  id: number;
  name: string;
  expiresAt?: string;
  version?: bigint;
  blocks: Map<string, Buffer>;
  appended: Buffer[];
  blockList?: string[];
}

/** Options for {@link startArtifactServer}. */
export interface ArtifactServerOptions {
  /** Workflow run id (Forgejo's numeric `RunID`); default 21. */
  runId?: number;
  /** Job id; default 49. */
  jobId?: number;
  /** Task id carried in signed URLs; default 75. */
  taskId?: number;
  /** Status for bodies protojson refuses: 400 (default, fails fast) or 500 (what Forgejo sends). */
  decodeErrorStatus?: 400 | 500;
}

/** A running {@link startArtifactServer} instance. */
export interface ArtifactServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** A valid ACTIONS_RUNTIME_TOKEN for this server. */
  readonly runtimeToken: string;
  /** Every request seen, in order. */
  readonly requests: RecordedRequest[];
  /** Finalized artifacts, in order. */
  readonly artifacts: ReceivedArtifact[];
  /**
   * The artifact-related environment a Forgejo runner gives a step, pointed at this server.
   * GITHUB_SERVER_URL is a non-GitHub URL that is never contacted (it only trips the GHES check).
   */
  runnerEnv(): Record<string, string>;
  /** Signs a token with this server's key (e.g. with a wrong `scp` or an expired `exp`). */
  signToken(payload: Record<string, unknown>): string;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startArtifactServer(options: ArtifactServerOptions = {}): Promise<ArtifactServer> {
  const runId = options.runId ?? 21;
  const jobId = options.jobId ?? 49;
  const taskId = options.taskId ?? 75;
  const decodeErrorStatus = options.decodeErrorStatus ?? 400;
  const key = randomBytes(32);
  const requests: RecordedRequest[] = [];
  const artifacts: ReceivedArtifact[] = [];
  const pending = new Map<string, PendingArtifact>();
  let nextId = 1;

  const signToken = (payload: Record<string, unknown>): string => {
    const head = `${base64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${base64UrlJson(payload)}`;
    return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const runtimeToken = signToken({
    iat: now,
    nbf: now,
    exp: now + 3600,
    scp: `Actions.Results:${runId}:${jobId}`,
    TaskID: taskId,
    RunID: runId,
    JobID: jobId,
  });

  const verifyToken = (header: string | undefined): string | undefined => {
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (token === undefined) return 'Bad authorization header';
    const [head, payload, signature] = token.split('.');
    if (head === undefined || payload === undefined || signature === undefined)
      return 'Bad authorization token';
    const expected = createHmac('sha256', key).update(`${head}.${payload}`).digest();
    const given = decodeBase64UrlStrict(signature + '='.repeat((4 - (signature.length % 4)) % 4));
    if (given === undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return 'Bad authorization token';
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: number;
      TaskID?: number;
    };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
      return 'Authorization token expired';
    if (claims.TaskID !== taskId) return `Error runner api getting task by ID ${String(claims.TaskID)}`;
    return undefined;
  };

  const buildSignature = (
    endpoint: string,
    expires: string,
    artifactName: string,
    artifactId: number,
  ): Buffer =>
    createHmac('sha256', key).update(`${endpoint}${expires}${artifactName}${taskId}${artifactId}`).digest();

  const buildArtifactUrl = (endpoint: string, artifactName: string, artifactId: number): string => {
    const expires = formatGoTime(new Date(Date.now() + 60 * 60 * 1000));
    // Go's base64.URLEncoding pads; a 32-byte HMAC always ends in one `=`. That padding is the point.
    const unpadded = buildSignature(endpoint, expires, artifactName, artifactId).toString('base64url');
    const sig = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
    if (!sig.endsWith('=') || decodeBase64UrlStrict(sig) === undefined) throw new Error('unpadded signature');
    const query = new URLSearchParams({ expires, artifactName }).toString(); // QueryEscape-like: space → +
    return `${origin}${ARTIFACT_SERVICE_PREFIX}/${endpoint}?sig=${sig}&${query}&taskID=${taskId}&artifactID=${artifactId}`;
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) send(res, 500, 'text/plain', message);
      else res.destroy();
    });
  });

  const record = (req: IncomingMessage, status: number, extra: Partial<RecordedRequest> = {}): void => {
    const raw = req.url ?? '';
    const q = raw.indexOf('?');
    requests.push({
      method: req.method ?? '',
      path: q === -1 ? raw : raw.slice(0, q),
      rawQuery: q === -1 ? '' : raw.slice(q + 1),
      status,
      ...extra,
    });
  };

  function send(res: ServerResponse, status: number, contentType: string, body: string): void {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Twirp error JSON: @actions/artifact puts `msg` into its error, and does not retry a 4xx. */
  const twirpError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    msg: string,
    body?: string,
  ): void => {
    record(req, status, { error: msg, ...(body === undefined ? {} : { body }) });
    const code =
      status === 401
        ? 'unauthenticated'
        : status === 404
          ? 'not_found'
          : status === 400
            ? 'malformed'
            : 'internal';
    send(res, status, 'application/json', JSON.stringify({ code, msg }));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(`${ARTIFACT_SERVICE_PREFIX}/`)) {
      await readBody(req);
      record(req, 404, { error: `no route ${url.pathname}` });
      send(res, 404, 'text/plain', `404 page not found: ${url.pathname}`);
      return;
    }
    const method = url.pathname.slice(ARTIFACT_SERVICE_PREFIX.length + 1);
    if (method === 'UploadArtifact' && req.method === 'PUT') return upload(req, res, url);
    if (method === 'DownloadArtifact' && req.method === 'GET') {
      record(req, 501, {
        error: 'DownloadArtifact is not implemented: digestline never downloads artifacts',
      });
      send(res, 501, 'text/plain', 'not implemented');
      return;
    }
    const schemaFor = (REQUEST_SCHEMAS as Record<string, MessageSchema | undefined>)[method];
    if (schemaFor === undefined || req.method !== 'POST') {
      await readBody(req);
      record(req, 404, { error: `no route ${req.method ?? ''} ${url.pathname}` });
      send(res, 404, 'text/plain', `404 page not found: ${url.pathname}`);
      return;
    }
    const body = (await readBody(req)).toString('utf8');
    const authError = verifyToken(req.headers.authorization);
    if (authError !== undefined) return twirpError(req, res, 401, authError, body);
    let message: DecodedMessage;
    try {
      message = decodeProtoJson(schemaFor, body);
    } catch (err) {
      if (!(err instanceof ProtoJsonError)) throw err;
      return twirpError(req, res, decodeErrorStatus, `Error decode request body: ${err.message}`, body);
    }
    const runField = message.get('workflow_run_backend_id');
    if (typeof runField !== 'string' || !/^-?\d+$/.test(runField) || BigInt(runField) !== BigInt(runId)) {
      return twirpError(req, res, 400, 'run-id does not match', body);
    }
    const name = String(message.get('name') ?? '');
    switch (method) {
      case 'CreateArtifact': {
        // Forgejo "creates or gets" by name within the run and resets its content.
        const existing = pending.get(name);
        const artifact: PendingArtifact = {
          id: existing?.id ?? nextId++,
          name,
          blocks: new Map(),
          appended: [],
        };
        const expiresAt = message.get('expires_at');
        if (typeof expiresAt === 'string') artifact.expiresAt = expiresAt;
        const version = message.get('version');
        if (typeof version === 'bigint') artifact.version = version;
        pending.set(name, artifact);
        record(req, 200, { body });
        send(
          res,
          200,
          'application/json;charset=utf-8',
          JSON.stringify({
            ok: true,
            signedUploadUrl: buildArtifactUrl('UploadArtifact', name, artifact.id),
          }),
        );
        return;
      }
      case 'FinalizeArtifact': {
        const artifact = pending.get(name);
        if (artifact === undefined) return twirpError(req, res, 404, 'Error artifact not found', body);
        let zip: Buffer;
        if (artifact.blockList !== undefined) {
          const parts: Buffer[] = [];
          for (const id of artifact.blockList) {
            const block = artifact.blocks.get(id);
            if (block === undefined)
              return twirpError(req, res, 500, `Error merge chunks: no block ${id}`, body);
            parts.push(block);
          }
          zip = Buffer.concat(parts);
        } else {
          zip = Buffer.concat(artifact.appended);
        }
        if (zip.length === 0)
          return twirpError(req, res, 500, 'Error merge chunks: nothing was uploaded', body);
        const hash = message.get('hash');
        if (typeof hash === 'string' && hash.startsWith('sha256:')) {
          const actual = createHash('sha256').update(zip).digest('hex');
          if (!hash.endsWith(actual)) {
            return twirpError(
              req,
              res,
              500,
              'Error merge chunks: update artifact error checksum is invalid',
              body,
            );
          }
        }
        const size = message.get('size');
        artifacts.push({
          id: artifact.id,
          name,
          zip,
          declaredSize: typeof size === 'bigint' ? size : 0n,
          ...(typeof hash === 'string' ? { hash } : {}),
          ...(artifact.expiresAt === undefined ? {} : { expiresAt: artifact.expiresAt }),
          ...(artifact.version === undefined ? {} : { version: artifact.version }),
        });
        record(req, 200, { body });
        send(
          res,
          200,
          'application/json;charset=utf-8',
          JSON.stringify({ ok: true, artifactId: String(artifact.id) }),
        );
        return;
      }
      default:
        // ListArtifacts, GetSignedArtifactURL, DeleteArtifact: decoded strictly above, but digestline's
        // upload path never calls them (and must not: no cross-run look-ups).
        return twirpError(req, res, 501, `${method} is not implemented by this test server`, body);
    }
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = await readBody(req);
    const refuse = (status: number, error: string): void => {
      record(req, status, { error });
      send(res, status, 'text/plain', error);
    };
    const q = url.searchParams;
    const sig = q.get('sig') ?? '';
    const expires = q.get('expires') ?? '';
    const artifactName = q.get('artifactName') ?? '';
    const artifactId = Number.parseInt(q.get('artifactID') ?? '', 10);
    const given = decodeBase64UrlStrict(sig);
    const expected = buildSignature(
      'UploadArtifact',
      expires,
      artifactName,
      Number.isNaN(artifactId) ? 0 : artifactId,
    );
    if (given === undefined) {
      return refuse(401, `Error unauthorized: sig ${JSON.stringify(sig)} is not padded URL-safe base64`);
    }
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return refuse(401, 'Error unauthorized: signature mismatch');
    }
    const expiry = parseGoTime(expires);
    if (expiry === undefined || expiry.getTime() < Date.now()) return refuse(401, 'Error link expired');
    if (q.get('taskID') !== String(taskId)) return refuse(500, 'Error runner api getting task by ID');
    const artifact = pending.get(artifactName);
    if (artifact === undefined || artifact.id !== artifactId) return refuse(404, 'Error artifact not found');
    const comp = q.get('comp');
    if (comp === 'block' || comp === 'appendBlock') {
      const blockId = q.get('blockid');
      if (blockId === null || blockId === '') artifact.appended.push(body);
      else artifact.blocks.set(blockId, body);
      record(req, 201);
      send(res, 201, 'application/json;charset=utf-8', '"appended"');
      return;
    }
    if (comp === 'blocklist') {
      const xml = body.toString('utf8');
      if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml))
        return refuse(400, 'block list is not a <BlockList> document');
      artifact.blockList = [...xml.matchAll(/<Latest>([^<]*)<\/Latest>/g)].map((m) => m[1] ?? '');
      record(req, 201);
      send(res, 201, 'application/json;charset=utf-8', '"created"');
      return;
    }
    // Forgejo ignores other `comp` values; refusing them here surfaces a client that changed its protocol.
    return refuse(400, `unsupported comp=${String(comp)}`);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    runtimeToken,
    requests,
    artifacts,
    signToken,
    runnerEnv: () => ({
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
      ACTIONS_RESULTS_URL: `${origin}/`,
      ACTIONS_RUNTIME_URL: `${origin}/api/actions_pipeline/`,
      GITHUB_SERVER_URL: 'http://forgejo.example.invalid',
      GITHUB_RUN_ID: String(runId),
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the received zip
// ---------------------------------------------------------------------------------------------

/** One file of a zip, decompressed and CRC-checked. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Lists a zip's entries from its central directory and inflates them (stored and deflate only).
 *
 * @throws Error when the archive is not a well-formed zip or an entry's CRC-32 or size is wrong
 */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new Error('not a zip: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${n}`);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`zip: bad local header for ${name}`);
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`zip: ${name} uses unsupported method ${method}`);
    if (data.length !== size) throw new Error(`zip: ${name} is ${data.length} bytes, directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`zip: ${name} fails its CRC-32 check`);
    entries.push({ name, data });
  }
  return entries;
}
