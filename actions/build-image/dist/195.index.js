export const id = 195;
export const ids = [195];
export const modules = {

/***/ 2417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   pZ: () => (/* binding */ GlobError),
/* harmony export */   zX: () => (/* binding */ findGlobMatches)
/* harmony export */ });
/* unused harmony export matchesPath */
/** A glob that cannot be compiled; the message says why. */
class GlobError extends Error {
    name = 'GlobError';
}
/**
 * Compiles a forbid glob. `*` matches within one path segment, `**` (a whole segment) any number of
 * segments including none, `?` one character, `[abc]` / `[a-z]` / `[!abc]` one of a set, `\x` a literal
 * x. A pattern must be absolute (`/usr/bin/apt*`) or start with `**` (`**\/node_modules/typescript`,
 * meaning anywhere). A trailing `/` is ignored: a directory pattern matches the directory itself.
 * @throws GlobError for relative patterns, `.`/`..` segments, an unclosed `[`
 */
function compileGlob(pattern) {
    const trimmed = pattern.trim();
    if (trimmed === '')
        throw new GlobError('empty pattern');
    if (!trimmed.startsWith('/') && !trimmed.startsWith('**')) {
        throw new GlobError(`"${pattern}" is relative: start it with / (absolute path) or **/ (anywhere)`);
    }
    const segments = [];
    for (const part of trimmed.split('/')) {
        if (part === '')
            continue;
        if (part === '.' || part === '..')
            throw new GlobError(`"${pattern}" contains a "${part}" segment`);
        if (part === '**') {
            // Consecutive ** mean the same as one, and collapsing them keeps matching linear.
            if (segments.at(-1)?.kind !== 'globstar')
                segments.push({ kind: 'globstar' });
            continue;
        }
        segments.push(compileSegment(part, pattern));
    }
    if (segments.length === 0)
        throw new GlobError(`"${pattern}" would match the root directory itself`);
    return { pattern: trimmed, segments };
}
function compileSegment(part, pattern) {
    let re = '';
    let literal = '';
    let special = false;
    for (let i = 0; i < part.length; i++) {
        const c = part[i];
        if (c === '\\') {
            const next = part[i + 1];
            if (next === undefined)
                throw new GlobError(`"${pattern}" ends with a lone backslash`);
            re += escapeRe(next);
            literal += next;
            i++;
        }
        else if (c === '*') {
            special = true;
            // `**` inside a segment (`a**b`) is just a `*`.
            while (part[i + 1] === '*')
                i++;
            re += '[^/]*';
        }
        else if (c === '?') {
            special = true;
            re += '[^/]';
        }
        else if (c === '[') {
            special = true;
            const end = classEnd(part, i);
            if (end === -1)
                throw new GlobError(`"${pattern}" has an unclosed [`);
            re += classToRe(part.slice(i + 1, end));
            i = end;
        }
        else {
            re += escapeRe(c);
            literal += c;
        }
    }
    if (!special)
        return { kind: 'literal', name: literal };
    return { kind: 'pattern', source: part, re: new RegExp(`^${re}$`, 'su') };
}
function classEnd(part, open) {
    let i = open + 1;
    if (part[i] === '!' || part[i] === '^')
        i++;
    if (part[i] === ']')
        i++; // a leading ] is a member, not the end
    for (; i < part.length; i++) {
        if (part[i] === '\\')
            i++;
        else if (part[i] === ']')
            return i;
    }
    return -1;
}
function classToRe(body) {
    let negate = false;
    let i = 0;
    if (body[0] === '!' || body[0] === '^') {
        negate = true;
        i = 1;
    }
    let out = '';
    for (; i < body.length; i++) {
        const c = body[i];
        if (c === '\\' && i + 1 < body.length) {
            out += escapeClass(body[++i]);
        }
        else if (c === '-' && out !== '' && i + 1 < body.length) {
            out += '-';
        }
        else {
            out += escapeClass(c);
        }
    }
    return negate ? `[^/${out}]` : `[${out}]`;
}
function escapeRe(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
function escapeClass(c) {
    return c.replace(/[\\\]^[-]/g, '\\$&');
}
/**
 * Tests a glob against one absolute path string, without any filesystem knowledge (no symlinks).
 * Useful for plain path lists; {@link findGlobMatches} is what the policy uses.
 */
function matchesPath(glob, path) {
    const parts = path.split('/').filter((p) => p !== '');
    const memo = new Map();
    const go = (si, pi) => {
        const key = `${si},${pi}`;
        const hit = memo.get(key);
        if (hit !== undefined)
            return hit;
        let r;
        const seg = glob.segments[si];
        if (seg === undefined)
            r = pi === parts.length;
        else if (seg.kind === 'globstar')
            r = go(si + 1, pi) || (pi < parts.length && go(si, pi + 1));
        else
            r = pi < parts.length && segmentMatches(seg, parts[pi]) && go(si + 1, pi + 1);
        memo.set(key, r);
        return r;
    };
    return go(0, 0);
}
function segmentMatches(seg, name) {
    return seg.kind === 'literal' ? seg.name === name : seg.re.test(name);
}
/**
 * Finds every entry of the tree a glob matches, the way a shell would see the image's filesystem:
 * directory symlinks are followed (resolved inside the image, so `/bin/sh` is found as
 * `/usr/bin/sh` when `/bin -> usr/bin`), a symlink as the last segment counts as existing even when
 * dangling, and `**` walks real directories only (no loops; every real path is still reached).
 * Results are sorted by path.
 */
function findGlobMatches(tree, glob) {
    const found = new Map();
    const segs = glob.segments;
    const record = (path, realPath) => {
        if (path !== '' && !found.has(path))
            found.set(path, { path, realPath });
    };
    const everythingBelow = (dir, path, realPath) => {
        for (const [name, child] of dir.children ?? []) {
            record(`${path}/${name}`, `${realPath}/${name}`);
            if (child.type === 'dir')
                everythingBelow(child, `${path}/${name}`, `${realPath}/${name}`);
        }
    };
    const visit = (dir, path, realPath, i) => {
        const seg = segs[i];
        if (seg === undefined)
            return;
        const last = i === segs.length - 1;
        if (seg.kind === 'globstar') {
            if (last) {
                record(path, realPath); // zero segments: the directory itself
                everythingBelow(dir, path, realPath);
                return;
            }
            visit(dir, path, realPath, i + 1);
            for (const [name, child] of dir.children ?? []) {
                if (child.type === 'dir')
                    visit(child, `${path}/${name}`, `${realPath}/${name}`, i);
            }
            return;
        }
        const candidates = [];
        if (seg.kind === 'literal') {
            const child = dir.children?.get(seg.name);
            if (child)
                candidates.push([seg.name, child]);
        }
        else {
            for (const entry of dir.children ?? [])
                if (seg.re.test(entry[0]))
                    candidates.push(entry);
        }
        for (const [name, child] of candidates) {
            const childPath = `${path}/${name}`;
            const childReal = `${realPath}/${name}`;
            if (last)
                record(childPath, childReal);
            else if (child.type === 'dir')
                visit(child, childPath, childReal, i + 1);
            else if (child.type === 'symlink') {
                const target = tree.lookup(childReal, { followFinal: true });
                if (target?.node.type === 'dir')
                    visit(target.node, childPath, target.path, i + 1);
            }
        }
    };
    visit(tree.root, '', '', 0);
    return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}


/***/ }),

/***/ 4195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPolicy: () => (/* binding */ loadPolicy)
/* harmony export */ });
/* unused harmony exports PolicyError, parsePolicy, validatePolicy */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2417);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8354);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7898);




/** An image policy file that cannot be used; the message names the file, the line and the key. */
class PolicyError extends Error {
    name = 'PolicyError';
}
let yamlModule;
// Loaded on first use so that importing the policy types or checks does not pull in the YAML parser.
const loadYaml = () => (yamlModule ??= __webpack_require__.e(/* import() */ 9).then(__webpack_require__.t.bind(__webpack_require__, 8009, 19)));
/**
 * Reads and validates an image-policy.yaml.
 * @throws PolicyError naming the file (and line/key) when it is missing, not YAML, or not a valid policy
 */
async function loadPolicy(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new PolicyError(`image policy file ${path} does not exist`);
        throw new PolicyError(`cannot read image policy file ${path}: ${err.message}`);
    }
    return parsePolicy(text, path);
}
/**
 * Parses policy YAML text (no I/O; async only because the YAML parser is loaded lazily). An empty
 * document is an empty policy: no rule enabled.
 * @param source names the text in error messages (usually the file path)
 * @throws PolicyError with `source:line: key: problem`
 */
async function parsePolicy(text, source) {
    const { parseDocument, LineCounter, isMap, isScalar, visit } = await loadYaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    const yamlError = doc.errors[0];
    if (yamlError) {
        const pos = yamlError.linePos?.[0];
        const where = pos === undefined ? source : `${source}:${pos.line}:${pos.col}`;
        const message = (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        throw new PolicyError(`${where}: invalid YAML: ${message}`);
    }
    // A policy has no use for anchors/aliases; an alias here is nearly always an unquoted `**/x` glob.
    visit(doc, {
        Alias(_key, node) {
            const line = node.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
            throw new PolicyError(`${source}${line}: "*${node.source}" reads as a YAML alias: quote values that start with *, ` +
                `e.g. - '*${node.source}'`);
        },
    });
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null))
        return validatePolicy({}, source);
    if (!isMap(contents)) {
        throw new PolicyError(`${source}: expected a mapping of policy keys at the top level (${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_RULES */ .b.join(', ')})`);
    }
    const lines = new Map();
    for (const pair of contents.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value !== 'string') {
            throw new PolicyError(`${source}: policy keys must be plain strings (${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_RULES */ .b.join(', ')})`);
        }
        if (key.range)
            lines.set(key.value, lineCounter.linePos(key.range[0]).line);
    }
    return validatePolicy(doc.toJS(), source, lines);
}
/**
 * Validates an already-parsed policy document (pure).
 * @param keyLines line of each top-level key, for messages
 * @throws PolicyError naming source, line and key
 */
function validatePolicy(data, source, keyLines) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new PolicyError(`${source}: expected a mapping of policy keys (${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_RULES */ .b.join(', ')})`);
    }
    const where = (key) => {
        const line = keyLines?.get(key);
        return `${line === undefined ? source : `${source}:${line}`}: ${key}`;
    };
    const policy = {
        source,
        nonRoot: false,
        forbid: [],
        requireLabels: [],
        requireHealthcheck: false,
    };
    for (const [key, value] of Object.entries(data)) {
        switch (key) {
            case 'max-size': {
                const size = typeof value === 'string' || typeof value === 'number' ? (0,_size_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSize */ .DB)(value) : undefined;
                if (!size)
                    throw new PolicyError(`${where(key)}: expected ${_size_js__WEBPACK_IMPORTED_MODULE_1__/* .SIZE_FORMS */ .qy}; got ${describe(value)}`);
                policy.maxSize = { bytes: size.bytes, text: size.text };
                break;
            }
            case 'non-root':
                policy.nonRoot = boolean(value, where(key));
                break;
            case 'require-healthcheck':
                policy.requireHealthcheck = boolean(value, where(key));
                break;
            case 'forbid': {
                const patterns = stringList(value, where(key), 'paths or globs');
                for (const pattern of patterns) {
                    try {
                        (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .compileGlob */ .SO)(pattern);
                    }
                    catch (err) {
                        if (err instanceof _glob_js__WEBPACK_IMPORTED_MODULE_3__/* .GlobError */ .pZ)
                            throw new PolicyError(`${where(key)}: ${err.message}`);
                        throw err;
                    }
                }
                policy.forbid = [...new Set(patterns.map((p) => p.trim()))];
                break;
            }
            case 'require-labels':
                policy.requireLabels = [
                    ...new Set(stringList(value, where(key), 'label names').map((l) => l.trim())),
                ];
                break;
            default: {
                const guess = closest(key, _types_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_RULES */ .b);
                throw new PolicyError(`${where(key)}: unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
                    `valid keys: ${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_RULES */ .b.join(', ')}`);
            }
        }
    }
    return policy;
}
function boolean(value, where) {
    if (typeof value !== 'boolean')
        throw new PolicyError(`${where}: expected true or false; got ${describe(value)}`);
    return value;
}
function stringList(value, where, what) {
    if (!Array.isArray(value))
        throw new PolicyError(`${where}: expected a list of ${what}; got ${describe(value)}`);
    return value.map((item, i) => {
        if (typeof item !== 'string' || item.trim() === '') {
            throw new PolicyError(`${where}: item ${i + 1} must be a non-empty string; got ${describe(item)}`);
        }
        return item;
    });
}
function describe(value) {
    if (value === null || value === undefined)
        return 'no value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `"${value}"`;
    return `${typeof value} ${String(value)}`;
}
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 8354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Sr: () => (/* binding */ formatSizeAgainst),
/* harmony export */   qy: () => (/* binding */ SIZE_FORMS)
/* harmony export */ });
/* unused harmony export formatSize */
const UNITS = {
    b: { factor: 1, name: 'B' },
    kb: { factor: 1e3, name: 'KB' },
    mb: { factor: 1e6, name: 'MB' },
    gb: { factor: 1e9, name: 'GB' },
    tb: { factor: 1e12, name: 'TB' },
    kib: { factor: 1024, name: 'KiB' },
    mib: { factor: 1024 ** 2, name: 'MiB' },
    gib: { factor: 1024 ** 3, name: 'GiB' },
    tib: { factor: 1024 ** 4, name: 'TiB' },
};
/** The accepted size forms, quoted in error messages. */
const SIZE_FORMS = 'a number with a unit, e.g. 60MB, 1.5GB, 512KiB (units B, KB, MB, GB, KiB, MiB, GiB)';
/**
 * Parses `60MB`, `60 MB`, `1.5GB`, `512KiB` or a plain number of bytes. KB/MB/GB are decimal
 * (1 MB = 1,000,000 B), KiB/MiB/GiB binary; unit case is not significant.
 * @returns undefined if the text is not a positive size
 */
function parseSize(input) {
    if (typeof input === 'number') {
        if (!Number.isFinite(input) || input <= 0)
            return undefined;
        const bytes = Math.floor(input);
        return bytes > 0 ? { bytes, text: `${bytes} B`, binary: false } : undefined;
    }
    const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(input.trim());
    if (!m)
        return undefined;
    const unit = UNITS[(m[2] || 'b').toLowerCase()];
    if (!unit)
        return undefined;
    const value = Number(m[1]);
    const bytes = Math.floor(value * unit.factor);
    if (!(bytes > 0) || !Number.isSafeInteger(bytes))
        return undefined;
    return { bytes, text: `${value} ${unit.name}`, binary: unit.name.includes('i') };
}
/**
 * Formats bytes in the largest unit of a family that keeps the number >= 1, with up to `decimals`
 * decimals (trailing zeros dropped): 212400000 → `212.4 MB`.
 */
function formatSize(bytes, opts = {}) {
    const base = opts.binary ? 1024 : 1000;
    const names = opts.binary ? ['B', 'KiB', 'MiB', 'GiB', 'TiB'] : ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (i < names.length - 1 && Math.abs(bytes) >= base ** (i + 1))
        i++;
    if (i === 0)
        return `${bytes} B`;
    const value = bytes / base ** i;
    const text = value.toFixed(opts.decimals ?? 1).replace(/\.?0+$/, '');
    return `${text} ${names[i]}`;
}
/**
 * Formats `actual` so that it visibly differs from the limit when the bytes differ: more decimals
 * first, exact bytes as the last resort (`60000001 B` next to `60 MB`).
 */
function formatSizeAgainst(actual, limit) {
    const binary = 'binary' in limit ? limit.binary : /iB$/.test(limit.text);
    for (const decimals of [1, 2, 3]) {
        const text = formatSize(actual, { binary, decimals });
        // Ambiguous if it reads back as the limit itself ("60 MB" for 60,000,001 B, or "1 GB" next to "1000 MB").
        if (actual === limit.bytes || parseSize(text)?.bytes !== limit.bytes)
            return text;
    }
    return `${actual} B`;
}


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ POLICY_RULES)
/* harmony export */ });
/** Every rule in the order reports list them. */
const POLICY_RULES = [
    'max-size',
    'non-root',
    'forbid',
    'require-labels',
    'require-healthcheck',
];


/***/ })

};
