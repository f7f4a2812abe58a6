export const id = 106;
export const ids = [106];
export const modules = {

/***/ 8106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadStackFile: () => (/* binding */ loadStackFile)
});

// UNUSED EXPORTS: INTEGRATION_ISOLATION_INPUTS, INTEGRATION_PROJECT_PREFIX, runIntegrationTest, teardownIntegrationTest

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(88009);
// EXTERNAL MODULE: ./packages/core/src/stack/compose/types.ts
var types = __webpack_require__(38029);
;// CONCATENATED MODULE: ./packages/core/src/stack/compose/document.ts
/**
 * The YAML document of a stack file and the helpers every field parser shares: failing with the
 * key's path and line, describing a wrong value, and refusing Compose variable interpolation.
 */


/** Parses the text of a stack file. Keeps the document around to point errors at lines. */
class Parser {
    source;
    lineCounter = new dist/* LineCounter */.HN();
    doc;
    constructor(text, source) {
        this.source = source;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lineCounter, merge: true, prettyErrors: false });
        const [first] = this.doc.errors;
        if (first !== undefined) {
            const line = this.lineCounter.linePos(first.pos[0]).line;
            throw new types/* StackFileError */.N(source, '', `not valid YAML: ${first.message.split('\n')[0]}`, line);
        }
    }
    /** The document as plain data (anchors and merge keys resolved). */
    data() {
        return this.doc.toJS({ maxAliasCount: 1000 });
    }
    fail(path, reason, onKey = false) {
        throw new types/* StackFileError */.N(this.source, formatPath(path), reason, this.lineOf(path, onKey));
    }
    /** Line of the value at `path` (or of its key, for errors about the key itself). */
    lineOf(path, onKey) {
        if (path.length === 0)
            return undefined;
        const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
        const last = path[path.length - 1];
        let node;
        if ((0,dist/* isMap */.jh)(parent)) {
            const pair = parent.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === last);
            node = pair === undefined ? undefined : onKey ? pair.key : (pair.value ?? pair.key);
        }
        else if ((0,dist/* isSeq */.oP)(parent) && typeof last === 'number') {
            node = parent.items[last];
        }
        const range = node?.range;
        return range ? this.lineCounter.linePos(range[0]).line : undefined;
    }
}
/** `services.api.ports[0]`. */
function formatPath(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** A wrong value as a message names it: `a list`, `string "x"`, `nothing`. */
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    return `${typeof value} ${JSON.stringify(value)}`;
}
/** Whether `value` is a YAML map (as plain data). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Compose's `$$` escape; any other `$` would be interpolated by Compose, which stacks do not do. */
function literal(p, at, text) {
    const stray = /\$(?!\$)(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.replace(/\$\$/g, ''));
    if (stray) {
        p.fail(at, `${JSON.stringify(stray[0])} would be substituted from the environment by Compose; stacks do not interpolate variables outside image: write the value, or $$ for a literal $`);
    }
    return text.replace(/\$\$/g, '$');
}
/** A scalar as text (numbers and booleans as written); `$` handled as in {@link literal}. */
function scalarText(p, at, value, what) {
    if (typeof value === 'string')
        return literal(p, at, value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return p.fail(at, `${what} must be a string, number or boolean, got ${describe(value)}`);
}

// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
;// CONCATENATED MODULE: ./packages/core/src/stack/compose/image.ts
/** A service's `image`: a digest reference, or a placeholder filled from the image set. */



/** The placeholder an image set entry fills: `backend` → `BACKEND_IMAGE`, `web-ui` → `WEB_UI_IMAGE`. */
function placeholderFor(imageSetName) {
    return `${imageSetName.toUpperCase().replace(/-/g, '_')}_IMAGE`;
}
/**
 * Reads service `service`'s `image`, resolving a placeholder through `byPlaceholder`; an image the
 * file pins itself is named after the service.
 */
function parseImage(p, at, value, byPlaceholder, service) {
    if (typeof value !== 'string' || value.trim() === '') {
        p.fail(at, `required: a digest reference or a placeholder like \${BACKEND_IMAGE}, got ${describe(value)}`);
    }
    const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/.exec(value.trim())?.[1];
    if (placeholder !== undefined) {
        const entry = byPlaceholder.get(placeholder);
        if (entry === undefined) {
            const known = [...byPlaceholder.keys()].map((k) => `\${${k}}`).join(', ') || 'none';
            p.fail(at, `placeholder \${${placeholder}} has no image: the image set needs an entry whose name gives ${placeholder} (e.g. ${placeholder
                .replace(/_IMAGE$/, '')
                .toLowerCase()
                .replace(/_/g, '-')}=<repository>@sha256:<hex>); it fills ${known}`);
        }
        return { image: entry, imagePlaceholder: placeholder };
    }
    if (value.includes('$')) {
        p.fail(at, `only a whole-value placeholder \${NAME} is supported in image, got ${JSON.stringify(value)}`);
    }
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(value.trim());
    }
    catch (err) {
        if (err instanceof errors/* ImageReferenceError */.rI)
            p.fail(at, err.message);
        throw err;
    }
    if (ref.digest === undefined || ref.tag !== undefined) {
        p.fail(at, `${JSON.stringify(value)} must be pinned by digest and carry no tag (repository@sha256:<hex>), or be a placeholder filled from the image set`);
    }
    return { image: (0,reference/* pinImage */.nH)(service, ref) };
}

// EXTERNAL MODULE: ./packages/core/src/stack/compose/order.ts
var order = __webpack_require__(53560);
// EXTERNAL MODULE: ./packages/core/src/stack/names.ts
var stack_names = __webpack_require__(63031);
;// CONCATENATED MODULE: ./packages/core/src/stack/compose/relations.ts
/**
 * What ties services to each other and to the stack: `depends_on`, named volume mounts, network
 * aliases, and the top-level `volumes`/`networks` they must be declared in.
 */


const CONDITIONS = [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
];
/** Top-level `volumes` / `networks`: names with no options. */
function parseDeclarations(p, root, key) {
    const value = root[key];
    if (value === undefined || value === null)
        return [];
    if (!isRecord(value))
        p.fail([key], `must be a map of names, got ${describe(value)}`);
    const why = key === 'networks'
        ? 'the stack always runs on one fresh network of its own (dl-<project>-net); declare networks without options'
        : 'volumes are created by the stack as <prefix>_<name>; declare them without options';
    for (const [name, options] of Object.entries(value)) {
        if (!stack_names/* STACK_NAME_PATTERN */.K.test(name))
            p.fail([key, name], `name must match ${stack_names/* STACK_NAME_PATTERN */.K.source}`, true);
        if (options === null || (isRecord(options) && Object.keys(options).length === 0))
            continue;
        const first = isRecord(options) ? Object.keys(options)[0] : undefined;
        if (first !== undefined)
            p.fail([key, name, first], `unsupported option: ${why}`, true);
        p.fail([key, name], `must be empty or {}, got ${describe(options)}: ${why}`);
    }
    return Object.keys(value);
}
/** Reads `depends_on`: a list of names, or a map of name → `{condition}`. */
function parseDependsOn(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value)) {
        return value.map((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `must be a service name, got ${describe(item)}`);
            return { service: item, condition: 'service_started' };
        });
    }
    if (!isRecord(value))
        p.fail(at, `must be a list of services or a map of service: {condition}, got ${describe(value)}`);
    return Object.entries(value).map(([service, options]) => {
        if (options === null)
            return { service, condition: 'service_started' };
        if (!isRecord(options))
            p.fail([...at, service], `must be a map with condition, got ${describe(options)}`);
        for (const key of Object.keys(options)) {
            if (key !== 'condition')
                p.fail([...at, service, key], 'unsupported key; only condition is supported', true);
        }
        const condition = options.condition ?? 'service_started';
        if (typeof condition !== 'string' || !CONDITIONS.includes(condition)) {
            p.fail([...at, service, 'condition'], `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`);
        }
        return { service, condition: condition };
    });
}
/** Reads `volumes` of a service: `volume:/path[:ro|rw]` of declared named volumes only. */
function parseVolumeMounts(p, at, value, declared) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list of "volume:/path[:ro]", got ${describe(value)}`);
    return value.map((item, i) => {
        const where = [...at, i];
        if (typeof item !== 'string') {
            p.fail(where, `use the short form "volume:/path[:ro]", got ${describe(item)}`);
        }
        const parts = item.split(':');
        const [source = '', target = '', mode] = parts;
        if (parts.length === 1) {
            p.fail(where, `anonymous volumes (${JSON.stringify(item)}) are not supported: declare a named volume and write "name:${item}"`);
        }
        if (/^[./~]/.test(source) || source.includes('/')) {
            p.fail(where, `bind mounts (${JSON.stringify(source)}) are refused: a validated stack must run the same on any runner, with nothing but its images; use a named volume`);
        }
        if (parts.length > 3 || (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
            p.fail(where, `cannot read ${JSON.stringify(item)}; write "volume:/path", "volume:/path:ro" or "volume:/path:rw"`);
        }
        if (!declared.includes(source)) {
            p.fail(where, `volume ${JSON.stringify(source)} is not declared under the top-level volumes key`);
        }
        if (!target.startsWith('/'))
            p.fail(where, `the mount path must be absolute, got ${JSON.stringify(target)}`);
        return { volume: source, target, readonly: mode === 'ro' };
    });
}
/** Service `networks`: names must be declared (or `default`); their aliases all apply on the stack's one network. */
function parseServiceNetworks(p, at, value, declared) {
    if (value === undefined || value === null)
        return [];
    const check = (name, where, onKey) => {
        if (name !== 'default' && !declared.includes(name)) {
            p.fail(where, `network ${JSON.stringify(name)} is not declared under the top-level networks key`, onKey);
        }
    };
    if (Array.isArray(value)) {
        value.forEach((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `must be a network name, got ${describe(item)}`);
            check(item, [...at, i], false);
        });
        return [];
    }
    if (!isRecord(value))
        p.fail(at, `must be a list of networks or a map of network: {aliases}, got ${describe(value)}`);
    const aliases = [];
    for (const [name, options] of Object.entries(value)) {
        check(name, [...at, name], true);
        if (options === null)
            continue;
        if (!isRecord(options))
            p.fail([...at, name], `must be a map with aliases, got ${describe(options)}`);
        for (const key of Object.keys(options)) {
            if (key !== 'aliases')
                p.fail([...at, name, key], 'unsupported key; only aliases is supported', true);
        }
        const list = options.aliases;
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            p.fail([...at, name, 'aliases'], `must be a list, got ${describe(list)}`);
        list.forEach((alias, i) => {
            if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
                p.fail([...at, name, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
            }
            if (!aliases.includes(alias))
                aliases.push(alias);
        });
    }
    return aliases;
}

;// CONCATENATED MODULE: ./packages/core/src/stack/compose/healthcheck.ts
/** A service's `healthcheck`, with Compose's defaults and duration syntax. */

const HEALTHCHECK_KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'disable'];
/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
function parseComposeDuration(text) {
    const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
    if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text))
        return undefined;
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
        total += Number(match[1]) * unit[match[2]];
    }
    return Math.round(total);
}
function parseDuration(p, at, value) {
    const ms = typeof value === 'string' ? parseComposeDuration(value) : undefined;
    if (ms === undefined)
        p.fail(at, `must be a duration like 500ms, 10s or 1m30s, got ${describe(value)}`);
    return ms;
}
/** Reads `healthcheck`; `disabled` for `disable: true` or `test: [NONE]`. */
function parseHealthcheck(p, at, value) {
    if (!isRecord(value))
        p.fail(at, `must be a map, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
        if (!HEALTHCHECK_KEYS.includes(key))
            p.fail([...at, key], `unsupported key; a healthcheck may have ${HEALTHCHECK_KEYS.join(', ')}`, true);
    }
    if (value.disable !== undefined) {
        if (typeof value.disable !== 'boolean')
            p.fail([...at, 'disable'], `must be true or false, got ${describe(value.disable)}`);
        if (value.disable)
            return 'disabled';
    }
    const testAt = [...at, 'test'];
    let test;
    if (typeof value.test === 'string') {
        test = ['CMD-SHELL', literal(p, testAt, value.test)];
    }
    else if (Array.isArray(value.test) && value.test.length > 0) {
        test = value.test.map((item, i) => scalarText(p, [...testAt, i], item, 'every element'));
        const [kind] = test;
        if (kind === 'NONE') {
            if (test.length !== 1)
                p.fail(testAt, '[NONE] takes no arguments');
            return 'disabled';
        }
        if (kind === 'CMD-SHELL' && test.length !== 2)
            p.fail(testAt, `[CMD-SHELL, script] takes exactly one script, got ${test.length - 1} elements`);
        if (kind === 'CMD' && test.length < 2)
            p.fail(testAt, '[CMD, program, args...] needs a program');
        if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
            p.fail(testAt, `must start with CMD, CMD-SHELL or NONE, got ${JSON.stringify(kind)}`);
        }
    }
    else {
        return p.fail(testAt, `required: [CMD, program, args...], [CMD-SHELL, script], a script string or [NONE]; got ${describe(value.test)}`);
    }
    let retries = 3;
    if (value.retries !== undefined) {
        if (typeof value.retries !== 'number' || !Number.isInteger(value.retries) || value.retries < 1) {
            p.fail([...at, 'retries'], `must be a whole number >= 1, got ${describe(value.retries)}`);
        }
        retries = value.retries;
    }
    const duration = (key, fallback) => value[key] === undefined ? fallback : parseDuration(p, [...at, key], value[key]);
    return {
        test,
        intervalMs: duration('interval', 30_000),
        timeoutMs: duration('timeout', 30_000),
        retries,
        startPeriodMs: duration('start_period', 0),
    };
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(64429);
;// CONCATENATED MODULE: ./packages/core/src/stack/compose/ports.ts
/** A service's `ports` (published to loopback only) and `expose`. */


function parsePortNumber(p, at, text, what) {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= 65535))
        p.fail(at, `${what} ${JSON.stringify(text)} is not a port number (1-65535)`);
    return n;
}
/** `8080`, `8080/tcp`; udp is refused (probes and URLs are tcp). */
function containerPortOf(p, at, text) {
    const [port = '', proto] = text.split('/');
    if (proto !== undefined && proto !== 'tcp')
        p.fail(at, `only tcp ports are supported, got ${JSON.stringify(text)}`);
    if (port.includes('-'))
        p.fail(at, `port ranges are not supported, got ${JSON.stringify(text)}`);
    return parsePortNumber(p, at, port, 'container port');
}
/** Reads `ports` (short form); every host address must be loopback, `localhost` becomes 127.0.0.1. */
function parsePorts(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list, got ${describe(value)}`);
    return value.map((item, i) => {
        const where = [...at, i];
        if (typeof item === 'number')
            item = String(item);
        if (typeof item !== 'string') {
            p.fail(where, `use the short form "[127.0.0.1:]hostPort:containerPort" or "containerPort", got ${describe(item)}`);
        }
        // An IPv6 host is bracketed: [::1]:8080:80.
        const v6 = /^\[([^\]]+)\]:(.*)$/.exec(item);
        const parts = v6 ? [v6[1], ...v6[2].split(':')] : item.split(':');
        let host = '127.0.0.1';
        let hostPort;
        let containerPort;
        if (parts.length === 1)
            [containerPort] = parts;
        else if (parts.length === 2)
            [hostPort, containerPort] = parts;
        else if (parts.length === 3)
            [host, hostPort, containerPort] = parts;
        else
            return p.fail(where, `cannot read ${JSON.stringify(item)}; write "127.0.0.1:8080:8080", "8080:8080" or "8080"`);
        if (!(0,loopback/* isLoopbackHost */.c)(host)) {
            p.fail(where, `publishes on ${JSON.stringify(host)}: validation stacks publish to loopback only (omit the address for 127.0.0.1, or give 127.x.x.x / [::1])`);
        }
        const port = {
            host: host.toLowerCase() === 'localhost' ? '127.0.0.1' : host,
            containerPort: containerPortOf(p, where, containerPort),
        };
        if (hostPort !== undefined && hostPort !== '')
            port.hostPort = parsePortNumber(p, where, hostPort, 'host port');
        return port;
    });
}
/** Reads `expose`: container ports, not published. */
function parseExpose(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list of ports, got ${describe(value)}`);
    return value.map((item, i) => {
        if (typeof item !== 'string' && typeof item !== 'number')
            p.fail([...at, i], `must be a port, got ${describe(item)}`);
        return containerPortOf(p, [...at, i], String(item));
    });
}

;// CONCATENATED MODULE: ./packages/core/src/stack/compose/service.ts
/** One service of a stack file: its keys checked against the subset, each field read by its parser. */






const SERVICE_KEYS = [
    'image',
    'environment',
    'command',
    'ports',
    'expose',
    'healthcheck',
    'depends_on',
    'volumes',
    'networks',
];
/** Why some common Compose keys are refused, so the error can say what to do instead. */
const REFUSED_BECAUSE = {
    build: 'stacks run images that were built and pushed before validation; build the image with build-image and pass it in the image set',
    container_name: 'containers are always named <project>-<service> so that parallel runs do not clash',
    network_mode: 'every service joins the stack’s own network',
    privileged: 'privileged containers are not supported',
    env_file: 'env files are resolved on the host; write the variables under environment',
    restart: 'a validation stack must not restart crashed services: a crash is a failure',
    extends: 'write the service out in full',
    profiles: 'every service in the file is started',
};
/**
 * Splits a command string the way Compose does (shell-like words): whitespace separates words,
 * single quotes keep text literally, double quotes keep spaces and honour `\"` and `\\`, a
 * backslash outside quotes escapes the next character. No variables, globs or operators.
 * @returns the words, or an error reason
 */
function splitCommand(text) {
    const words = [];
    let word = '';
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "'") {
            const end = text.indexOf("'", i + 1);
            if (end < 0)
                return { error: `unterminated single quote at character ${i + 1}` };
            word += text.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (c === '"') {
            let j = i + 1;
            for (; j < text.length && text[j] !== '"'; j++) {
                if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\'))
                    j++;
                word += text[j];
            }
            if (j >= text.length)
                return { error: `unterminated double quote at character ${i + 1}` };
            inWord = true;
            i = j;
        }
        else if (c === '\\') {
            if (i + 1 >= text.length)
                return { error: 'trailing backslash' };
            word += text[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push(word);
    return words;
}
/** Reads service `name`; `volumes`/`networks` are the declared names. */
function parseService(p, name, value, byPlaceholder, volumes, networks) {
    const at = ['services', name];
    if (!stack_names/* STACK_NAME_PATTERN */.K.test(name)) {
        p.fail(at, `service names must match ${stack_names/* STACK_NAME_PATTERN */.K.source} (they become DNS names)`, true);
    }
    if (!isRecord(value))
        p.fail(at, `must be a map, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
        if (key.startsWith('x-'))
            continue;
        if (!SERVICE_KEYS.includes(key)) {
            const why = REFUSED_BECAUSE[key] ?? `a service may have ${SERVICE_KEYS.join(', ')}`;
            p.fail([...at, key], `unsupported key: ${why}`, true);
        }
    }
    const service = {
        name,
        ...parseImage(p, [...at, 'image'], value.image, byPlaceholder, name),
        environment: parseEnvironment(p, [...at, 'environment'], value.environment),
        ports: parsePorts(p, [...at, 'ports'], value.ports),
        expose: parseExpose(p, [...at, 'expose'], value.expose),
        healthcheckDisabled: false,
        dependsOn: parseDependsOn(p, [...at, 'depends_on'], value.depends_on),
        volumes: parseVolumeMounts(p, [...at, 'volumes'], value.volumes, volumes),
        aliases: parseServiceNetworks(p, [...at, 'networks'], value.networks, networks),
    };
    if (value.command !== undefined)
        service.command = parseCommand(p, [...at, 'command'], value.command);
    if (value.healthcheck !== undefined) {
        const hc = parseHealthcheck(p, [...at, 'healthcheck'], value.healthcheck);
        if (hc === 'disabled')
            service.healthcheckDisabled = true;
        else
            service.healthcheck = hc;
    }
    return service;
}
function parseEnvironment(p, at, value) {
    const env = {};
    const noPassThrough = (key, where) => p.fail(where, `${key} has no value; Compose would copy it from the runner's environment, which a stack does not: write ${key}=<value>`);
    if (value === undefined || value === null)
        return env;
    if (Array.isArray(value)) {
        value.forEach((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `entries must be KEY=value strings, got ${describe(item)}`);
            const eq = item.indexOf('=');
            if (eq < 0)
                noPassThrough(item, [...at, i]);
            const key = item.slice(0, eq);
            if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
                p.fail([...at, i], `${JSON.stringify(key)} is not a variable name`);
            env[key] = literal(p, [...at, i], item.slice(eq + 1));
        });
        return env;
    }
    if (!isRecord(value))
        p.fail(at, `must be a map or a list of KEY=value, got ${describe(value)}`);
    for (const [key, v] of Object.entries(value)) {
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
            p.fail([...at, key], `${JSON.stringify(key)} is not a variable name`, true);
        if (v === null || v === undefined)
            noPassThrough(key, [...at, key]);
        env[key] = scalarText(p, [...at, key], v, 'a value');
    }
    return env;
}
function parseCommand(p, at, value) {
    if (typeof value === 'string') {
        const words = splitCommand(value);
        if (!Array.isArray(words))
            p.fail(at, `cannot split into words: ${words.error}; prefer a list`);
        if (words.length === 0)
            p.fail(at, 'is empty');
        return words.map((w) => literal(p, at, w));
    }
    if (Array.isArray(value)) {
        return value.map((item, i) => scalarText(p, [...at, i], item, 'every argument'));
    }
    return p.fail(at, `must be a list of arguments (preferred) or a string, got ${describe(value)}`);
}

;// CONCATENATED MODULE: ./packages/core/src/stack/spec.ts







const TOP_LEVEL_KEYS = ['name', 'version', 'services', 'volumes', 'networks'];
/**
 * Parses a stack file and fills image placeholders from `images`.
 *
 * Placeholders: a service's `image` may be exactly `${NAME}`; image set entry `backend` fills
 * `${BACKEND_IMAGE}` (upper case, `-` → `_`). Every image must end up a digest reference. Other
 * strings are not interpolated: `$$` stands for `$`, and any other `$NAME` / `${...}` is an error
 * (Compose would substitute it from the runner's environment, which a stack must not depend on).
 *
 * @param text the file's contents
 * @param source the file's path (or another origin) for messages
 * @param images the image set (`name=repo@sha256:...`); every entry's name must be a service
 * @throws StackFileError naming the source, the key path (`services.backend.build`), the line and
 *   the reason, for YAML errors, keys outside the subset, refused values (bind mounts, non-loopback
 *   ports, tags instead of digests), unknown dependencies, unfilled placeholders and unused entries
 */
function parseStack(text, source, images) {
    const p = new Parser(text, source);
    const root = p.data();
    if (!isRecord(root))
        p.fail([], `a stack file must be a map with a services key, not ${describe(root)}`);
    for (const key of Object.keys(root)) {
        if (key.startsWith('x-'))
            continue; // Compose extension fields: anchors live here.
        if (!TOP_LEVEL_KEYS.includes(key)) {
            p.fail([key], `unsupported key; a stack file may have ${TOP_LEVEL_KEYS.join(', ')} (and x-* extensions)`, true);
        }
    }
    const spec = { source, services: [], volumes: [] };
    if (root.name !== undefined) {
        if (typeof root.name !== 'string' || !stack_names/* STACK_NAME_PATTERN */.K.test(root.name)) {
            p.fail(['name'], `must match ${stack_names/* STACK_NAME_PATTERN */.K.source}, got ${describe(root.name)}`);
        }
        spec.name = root.name;
    }
    spec.volumes = parseDeclarations(p, root, 'volumes');
    const networks = parseDeclarations(p, root, 'networks');
    const services = root.services;
    if (!isRecord(services) || Object.keys(services).length === 0) {
        p.fail(['services'], `must be a map with at least one service, got ${describe(services)}`);
    }
    const byPlaceholder = new Map();
    for (const entry of images) {
        if (!Object.hasOwn(services, entry.name)) {
            throw new types/* StackFileError */.N(source, 'services', `the image set has an entry ${JSON.stringify(entry.name)} but there is no service of that name (services: ${Object.keys(services).join(', ')})`);
        }
        const placeholder = placeholderFor(entry.name);
        const clash = byPlaceholder.get(placeholder);
        if (clash !== undefined) {
            throw new types/* StackFileError */.N(source, 'services', `image set entries ${JSON.stringify(clash.name)} and ${JSON.stringify(entry.name)} both fill \${${placeholder}}; rename one`);
        }
        byPlaceholder.set(placeholder, entry);
    }
    for (const [name, value] of Object.entries(services)) {
        spec.services.push(parseService(p, name, value, byPlaceholder, spec.volumes, networks));
    }
    const names = new Set(spec.services.map((s) => s.name));
    for (const service of spec.services) {
        service.dependsOn.forEach((dep, i) => {
            if (dep.service === service.name)
                p.fail(['services', service.name, 'depends_on', i], 'a service cannot depend on itself');
            if (!names.has(dep.service)) {
                p.fail(['services', service.name, 'depends_on'], `depends on ${JSON.stringify(dep.service)}, which is not a service (services: ${[...names].join(', ')})`);
            }
        });
    }
    (0,order/* startOrder */.l)(spec);
    return spec;
}

// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(73438);
// EXTERNAL MODULE: ./packages/core/src/user-code.ts
var user_code = __webpack_require__(49867);
// EXTERNAL MODULE: ./packages/core/src/lanes/names.ts
var names = __webpack_require__(8468);
// EXTERNAL MODULE: ./packages/core/src/lanes/command-tester.ts + 1 modules
var command_tester = __webpack_require__(91126);
// EXTERNAL MODULE: ./packages/core/src/lanes/pipeline.ts
var pipeline = __webpack_require__(19008);
// EXTERNAL MODULE: ./packages/core/src/lanes/report.ts
var report = __webpack_require__(9720);
;// CONCATENATED MODULE: ./packages/core/src/lanes/stack-lane.ts
/**
 * A stack lane with command tests (integration-test): the shared pipeline (pipeline.ts) with the
 * command tester (command-tester.ts), its report, bundle and evidence under one output directory.
 */






/**
 * Runs a stack lane with command tests from start to teardown (see `runLane`): `report.json`,
 * `bundle/` (when failed) and `evidence.dsse.json` under `outDir`, the bundle uploaded as
 * `<lane>-bundle-<project>`. Never throws for a failing stack or failing tests.
 */
async function stack_lane_runStackLane(opts) {
    const log = opts.log ?? silentLog;
    const started = Date.now();
    const tester = commandTester(opts.tests, {
        engine: opts.engine,
        log,
        ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
    });
    return runLane({
        engine: opts.engine,
        stack: {
            start: opts.spec,
            readinessTimeoutMs: opts.readinessTimeoutMs,
            ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        },
        images: opts.images,
        project: opts.project,
        report: newLaneReport({
            lane: opts.lane,
            project: opts.project,
            engine: opts.engine.kind,
            stack: opts.spec.source,
            images: opts.images,
            services: opts.spec.services.map((s) => ({ name: s.name, image: pinnedReference(s.image) })),
            started,
        }),
        started,
        keepOnFailure: opts.keepOnFailure,
        outDir: opts.outDir,
        reportPath: join(opts.outDir, 'report.json'),
        bundle: {
            dir: join(opts.outDir, 'bundle'),
            title: 'Collect the failure bundle',
            noun: 'failure bundle',
            testLog: 'tests.log',
            artifact: `${opts.lane}-bundle-${opts.project}`,
        },
        env: opts.env ?? process.env,
        log,
        ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
    }, tester);
}

// EXTERNAL MODULE: ./packages/core/src/lanes/teardown.ts
var teardown = __webpack_require__(74562);
;// CONCATENATED MODULE: ./packages/core/src/lanes/integration.ts
/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared lane pipeline with command tests (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name and the post step's teardown.
 */









/** Prefix of integration-test project names (`it-<run id>-<random>`). */
const INTEGRATION_PROJECT_PREFIX = 'it';
/** integration-test's inputs named when a test command on the runner would be within reach of the key. */
const INTEGRATION_ISOLATION_INPUTS = {
    key: 'signing-key',
    container: 'test-image',
    unsafe: 'unsafe-host-commands-with-key',
};
/**
 * Reads and parses a stack file with the image set, before anything starts: a key outside the
 * subset, a tag, an image set entry with no service of that name all fail here.
 * @param path as the user wrote it (messages name it); read relative to `cwd`
 * @throws InputError naming `input` (the stack input) with the parser's file:line message
 */
async function loadStackFile(path, images, input, cwd = process.cwd()) {
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": cannot read the stack file ${path}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    try {
        return parseStack(text, path, images);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
async function runIntegrationTest(request, deps) {
    const env = deps.env ?? process.env;
    // Decided before anything is created: a refusal must come before any side effect.
    const host = request.testImage
        ? undefined
        : {
            isolation: decideHostIsolation({
                signed: request.signingKey !== undefined,
                unsafe: request.unsafeHostCommandsWithKey ?? false,
                uid: deps.uid ?? process.getuid?.(),
                inputs: INTEGRATION_ISOLATION_INPUTS,
            }),
            env: userEnvironment(env, request.signingKey !== undefined ? [request.signingKey] : []),
            inputs: INTEGRATION_ISOLATION_INPUTS,
        };
    const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    deps.onProject?.(project);
    return runStackLane({
        lane: 'integration',
        engine: deps.engine,
        spec: request.spec,
        images: request.images,
        project,
        tests: {
            command: request.testCommand,
            workspace: request.workspace,
            ...(request.testImage ? { image: request.testImage } : {}),
            ...(host !== undefined ? { host } : {}),
        },
        readinessTimeoutMs: request.readinessTimeoutMs,
        keepOnFailure: request.keepOnFailure,
        outDir: join(request.tempDir, 'digestline-integration-test', project),
        env,
        ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
        ...(deps.upload !== undefined ? { upload: deps.upload } : {}),
        ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
        ...(deps.exec !== undefined ? { exec: deps.exec } : {}),
        ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
        ...(deps.log !== undefined ? { log: deps.log } : {}),
    });
}
/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
async function teardownIntegrationTest(engine, project, kept, log = silentLog) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    if (kept)
        return `stack ${project} kept running (keep-on-failure)`;
    return (await teardownLaneStack(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}


/***/ })

};
