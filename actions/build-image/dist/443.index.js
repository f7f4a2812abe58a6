export const id = 443;
export const ids = [443,428,694];
export const modules = {

/***/ 6443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImage: () => (/* binding */ checkImage),
/* harmony export */   policyNeedsFiles: () => (/* binding */ policyNeedsFiles)
/* harmony export */ });
/* unused harmony export isRootUser */
/* harmony import */ var _file_tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9694);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2417);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8354);



/** How many matching paths a forbid message spells out before summarising the rest. */
const MAX_PATHS_IN_MESSAGE = 10;
/**
 * True when checking the policy needs the image filesystem (it has `forbid` rules), so callers can
 * skip downloading layers otherwise.
 */
function policyNeedsFiles(policy) {
    return policy.forbid.length > 0;
}
/**
 * True if an image config `User` runs as root: empty (the default), `0`, `root`, or those with any
 * group (`0:0`, `root:staff`). A name mapping to uid 0 in /etc/passwd is not detected (contents are
 * never read).
 */
function isRootUser(user) {
    const name = (user ?? '').trim().split(':')[0]?.trim() ?? '';
    return name === '' || name === 'root' || /^0+$/.test(name);
}
/**
 * Checks one image against a policy. Every enabled rule is evaluated (no early exit) and every
 * violation is listed. Pure: the caller gathers the facts (see docs/image-policy.md).
 * @throws Error if the policy has forbid rules but `facts.files` is missing, or the size is not a number
 */
function checkImage(policy, facts) {
    const violations = [];
    const checked = {};
    const config = facts.config.config ?? {};
    if (policy.maxSize) {
        if (!Number.isFinite(facts.sizeCompressed) || facts.sizeCompressed < 0) {
            throw new Error(`checkImage: sizeCompressed must be a byte count, got ${facts.sizeCompressed}`);
        }
        const actual = (0,_size_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSizeAgainst */ .Sr)(facts.sizeCompressed, policy.maxSize);
        const passed = facts.sizeCompressed <= policy.maxSize.bytes;
        const detail = `${actual} ${passed ? '≤' : '>'} ${policy.maxSize.text}`;
        checked['max-size'] = { passed, detail };
        if (!passed)
            violations.push({ rule: 'max-size', message: `max-size: ${detail}` });
    }
    if (policy.nonRoot) {
        const user = typeof config.User === 'string' ? config.User : '';
        const shown = user.trim() === '' ? 'User is empty' : `User is "${user}"`;
        if (isRootUser(user)) {
            const detail = `user is root (${shown})`;
            checked['non-root'] = { passed: false, detail };
            violations.push({ rule: 'non-root', message: `non-root: ${detail}` });
        }
        else {
            checked['non-root'] = { passed: true, detail: `user is ${user.trim()}` };
        }
    }
    if (policy.forbid.length > 0) {
        if (!facts.files)
            throw new Error('checkImage: the policy has forbid rules but facts.files is missing');
        const tree = facts.files instanceof _file_tree_js__WEBPACK_IMPORTED_MODULE_0__.FileTree ? facts.files : _file_tree_js__WEBPACK_IMPORTED_MODULE_0__.FileTree.fromPaths(facts.files);
        const before = violations.length;
        for (const pattern of policy.forbid) {
            const matches = (0,_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .findGlobMatches */ .zX)(tree, (0,_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .compileGlob */ .SO)(pattern));
            if (matches.length === 0)
                continue;
            const shown = matches
                .slice(0, MAX_PATHS_IN_MESSAGE)
                .map((m) => (m.realPath === m.path ? m.path : `${m.path} (${m.realPath})`));
            const more = matches.length - shown.length;
            violations.push({
                rule: 'forbid',
                message: `forbid: ${pattern} matches ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
                paths: matches.map((m) => m.path),
            });
        }
        const failed = violations.slice(before);
        checked.forbid =
            failed.length === 0
                ? {
                    passed: true,
                    detail: `none of ${policy.forbid.length} pattern(s) match (${tree.entryCount} paths)`,
                }
                : { passed: false, detail: failed.map((v) => v.message.slice('forbid: '.length)).join('; ') };
    }
    if (policy.requireLabels.length > 0) {
        const labels = config.Labels ?? {};
        const missing = [];
        for (const label of policy.requireLabels) {
            const value = labels[label];
            if (typeof value === 'string' && value.trim() !== '')
                continue;
            missing.push(label);
            violations.push({
                rule: 'require-labels',
                message: `require-labels: label ${label} is ${value === undefined ? 'missing' : 'empty'}`,
            });
        }
        checked['require-labels'] =
            missing.length === 0
                ? { passed: true, detail: `all ${policy.requireLabels.length} label(s) set` }
                : { passed: false, detail: `missing or empty: ${missing.join(', ')}` };
    }
    if (policy.requireHealthcheck) {
        const test = config.Healthcheck?.Test;
        let problem;
        if (!Array.isArray(test) || test.length === 0) {
            problem =
                'the image config has no Healthcheck (podman drops HEALTHCHECK unless built with --format docker)';
        }
        else if (test[0] === 'NONE') {
            problem = 'the healthcheck is disabled (Test is ["NONE"])';
        }
        if (problem) {
            checked['require-healthcheck'] = { passed: false, detail: problem };
            violations.push({ rule: 'require-healthcheck', message: `require-healthcheck: ${problem}` });
        }
        else {
            checked['require-healthcheck'] = { passed: true, detail: describeHealthcheck(test) };
        }
    }
    return { source: policy.source, passed: violations.length === 0, violations, checked };
}
function describeHealthcheck(test) {
    const [kind, ...args] = test;
    const text = `${kind} ${args.join(' ')}`.trim();
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}


/***/ }),

/***/ 9694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FileTree: () => (/* binding */ FileTree)
/* harmony export */ });
/* harmony import */ var _tar_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5428);

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** Linux's limit on symlinks followed while resolving one path. */
const MAX_SYMLINK_HOPS = 40;
/**
 * The merged filesystem of an image, built by applying its layers in order with OCI whiteout
 * semantics: `.wh.<name>` deletes `<name>` from lower layers, `.wh..wh..opq` hides everything lower
 * layers put in its directory. Only metadata is kept (no contents). Symlinks are resolved inside the
 * tree, never on the host.
 */
class FileTree {
    /** The root directory `/`. */
    root = { type: 'dir', mode: 0o755, size: 0, children: new Map() };
    /**
     * A tree from plain absolute paths (no types known: paths with children become directories,
     * the rest are files).
     */
    static fromPaths(paths) {
        const tree = new FileTree();
        for (const p of [...paths].sort()) {
            if (!tree.lookup(p))
                tree.add({ path: p, type: 'file' });
        }
        return tree;
    }
    /**
     * Applies one layer on top of the tree. Whiteouts in a layer only hide what lower layers put there
     * (OCI image spec), so deletions run before this layer's own entries are added, whatever their order
     * in the tarball.
     */
    applyLayer(entries) {
        const additions = [];
        for (const entry of entries) {
            const path = (0,_tar_js__WEBPACK_IMPORTED_MODULE_0__.normalizeLayerPath)(entry.path);
            if (path === '/')
                continue;
            const slash = path.lastIndexOf('/');
            const dir = path.slice(0, slash) || '/';
            const base = path.slice(slash + 1);
            if (base === OPAQUE_MARKER) {
                const target = this.lookup(dir, { followFinal: true });
                target?.node.children?.clear();
            }
            else if (path.includes(`/${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) {
                // Other `.wh..wh.*` names (and what is inside them) are aufs bookkeeping, not image content.
                continue;
            }
            else if (base.startsWith(WHITEOUT_PREFIX)) {
                this.remove(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT_PREFIX.length)}`);
            }
            else {
                additions.push({ ...entry, path });
            }
        }
        for (const entry of additions)
            this.add(entry);
    }
    /** {@link applyLayer} for a streamed listing, e.g. `listLayerEntries(blob, mediaType)`. */
    async applyLayerStream(entries) {
        const collected = [];
        for await (const entry of entries)
            collected.push(entry);
        this.applyLayer(collected);
    }
    /**
     * Adds or replaces one entry. Missing parent directories are created; a parent that is a symlink to
     * a directory is followed (as extracting the layer would do), any other non-directory parent is
     * replaced by a directory. A directory over a directory keeps its children.
     */
    add(entry) {
        const parts = splitPath(entry.path);
        const name = parts.pop();
        if (name === undefined)
            return;
        const parent = this.ensureDir(parts);
        const existing = parent.children?.get(name);
        const mode = entry.mode ?? (entry.type === 'dir' ? 0o755 : 0o644);
        if (entry.type === 'dir') {
            if (existing?.type === 'dir')
                existing.mode = mode;
            else
                parent.children?.set(name, { type: 'dir', mode, size: 0, children: new Map() });
            return;
        }
        const node = { type: entry.type, mode, size: entry.size ?? 0 };
        if (entry.linkname !== undefined)
            node.linkname = entry.linkname;
        parent.children?.set(name, node);
    }
    /** Deletes a path (and everything below it); intermediate directory symlinks are followed. */
    remove(path) {
        const parts = splitPath(path);
        const name = parts.pop();
        if (name === undefined)
            return false;
        const parent = this.lookup('/' + parts.join('/'), { followFinal: true });
        return parent?.node.children?.delete(name) ?? false;
    }
    /**
     * Finds a path. Symlinks in intermediate components are resolved inside the tree (absolute targets
     * from the image root, `..` stops at the root); the last component is followed only with
     * `followFinal` (stat vs lstat). Undefined if missing, dangling, or looping.
     */
    lookup(path, opts = {}) {
        const pending = splitPath(path, true).reverse();
        let chain = [];
        let current = this.root;
        let hops = 0;
        while (pending.length > 0) {
            const name = pending.pop();
            if (name === '..') {
                chain.pop();
                current = chain.at(-1)?.node ?? this.root;
                continue;
            }
            const child = current.children?.get(name);
            if (!child)
                return undefined;
            if (child.type === 'symlink' && (pending.length > 0 || opts.followFinal)) {
                if (++hops > MAX_SYMLINK_HOPS)
                    return undefined;
                const target = child.linkname ?? '';
                if (target.startsWith('/')) {
                    chain = [];
                    current = this.root;
                }
                pending.push(...splitPath(target, true).reverse());
                continue;
            }
            chain.push({ name, node: child });
            current = child;
        }
        return { node: current, path: '/' + chain.map((c) => c.name).join('/') };
    }
    /** True if the path exists (a symlink counts, even dangling); intermediate symlinks are followed. */
    has(path) {
        return this.lookup(path) !== undefined;
    }
    /** Every path in the tree, depth first, children in name order. */
    *paths() {
        function* walk(node, prefix) {
            const names = [...(node.children?.keys() ?? [])].sort();
            for (const name of names) {
                const child = node.children?.get(name);
                yield `${prefix}/${name}`;
                if (child.type === 'dir')
                    yield* walk(child, `${prefix}/${name}`);
            }
        }
        yield* walk(this.root, '');
    }
    /** Number of entries (the root excluded). */
    get entryCount() {
        let n = 0;
        const walk = (node) => {
            for (const child of node.children?.values() ?? []) {
                n++;
                if (child.type === 'dir')
                    walk(child);
            }
        };
        walk(this.root);
        return n;
    }
    ensureDir(parts) {
        let current = this.root;
        let realPath = '';
        for (const name of parts) {
            const children = current.children;
            let child = children.get(name);
            if (child?.type === 'symlink') {
                const target = this.lookup(`${realPath}/${name}`, { followFinal: true });
                if (target?.node.type === 'dir') {
                    current = target.node;
                    realPath = target.path === '/' ? '' : target.path;
                    continue;
                }
            }
            if (child?.type !== 'dir') {
                child = { type: 'dir', mode: 0o755, size: 0, children: new Map() };
                children.set(name, child);
            }
            current = child;
            realPath += `/${name}`;
        }
        return current;
    }
}
function splitPath(path, keepDotDot = false) {
    if (!keepDotDot)
        return (0,_tar_js__WEBPACK_IMPORTED_MODULE_0__.normalizeLayerPath)(path)
            .split('/')
            .filter((p) => p !== '');
    return path.split('/').filter((p) => p !== '' && p !== '.');
}


/***/ }),

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

/***/ 5428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  layerCompression: () => (/* binding */ layerCompression),
  listLayerEntries: () => (/* binding */ listLayerEntries),
  listTarEntries: () => (/* binding */ listTarEntries),
  normalizeLayerPath: () => (/* binding */ normalizeLayerPath)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/core/src/tar-header.ts
/**
 * Decoding of the fields of one tar header block (ustar, GNU and PAX): numbers, names, checksum,
 * typeflag and PAX records. Pure functions over the bytes; the streaming reader is in tar.ts.
 */
/** A layer blob that cannot be read: unknown media type, zstd, corrupt gzip or tar data. */
class LayerFormatError extends Error {
    name = 'LayerFormatError';
}
/** Size of a tar block: every header, and every entry's data rounded up. */
const BLOCK = 512;
/** True for typeflags whose entries carry no data, whatever their size field says. */
function headerOnly(typeflag) {
    return '123456'.includes(typeflag);
}
/** The kind of entry a typeflag stands for; `rawPath` decides for pre-POSIX regular files. */
function entryType(typeflag, rawPath) {
    switch (typeflag) {
        case '0':
        case '7':
            // Pre-POSIX archives mark directories only by a trailing slash.
            return rawPath.endsWith('/') ? 'dir' : 'file';
        case 'S':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
        case 'D':
            return 'dir';
        default:
            return 'other';
    }
}
/** A NUL-terminated header field as text (the whole field when it has no NUL). */
function cString(b) {
    const nul = b.indexOf(0);
    return b.toString('utf8', 0, nul === -1 ? b.length : nul);
}
/** A numeric header field: octal text, or GNU base-256 for values too large for octal. */
function parseNumeric(field, what, offset, fail) {
    const first = field[0] ?? 0;
    if (first & 0x80) {
        // GNU base-256, used for values that do not fit the octal field (files >= 8 GiB).
        if (first === 0xff)
            throw fail(offset, `negative ${what} in header`);
        let v = first & 0x7f;
        for (let i = 1; i < field.length; i++)
            v = v * 256 + (field[i] ?? 0);
        if (!Number.isSafeInteger(v))
            throw fail(offset, `${what} in header is too large`);
        return v;
    }
    const text = cString(field).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw fail(offset, `bad ${what} field "${text}" in header (expected octal)`);
    return parseInt(text, 8);
}
/** @throws LayerFormatError (through `fail`) when the header's checksum field does not match its bytes */
function verifyChecksum(header, offset, fail) {
    const stored = cString(header.subarray(148, 156)).trim();
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    const want = /^[0-7]+$/.test(stored) ? parseInt(stored, 8) : NaN;
    // Some historic writers summed signed bytes; accept either, as GNU tar does.
    if (want === unsigned || want === signed)
        return;
    throw fail(offset, `bad header checksum${formatHint(header, offset) || (offset === 0 ? ': not a tar archive' : '')}`);
}
/** Explains the commonest cause of garbage at the start: compressed data under an uncompressed type. */
function formatHint(header, offset) {
    if (offset !== 0 || header.length < 4)
        return '';
    if (header[0] === 0x1f && header[1] === 0x8b)
        return ': the data is gzip, but the media type says uncompressed';
    if (header.readUInt32LE(0) === 0xfd2fb528)
        return ': the data is zstd, but the media type says uncompressed';
    return '';
}
/** The records of a PAX extended header's data. */
function parsePax(data, offset, fail) {
    // Records are "<len> <key>=<value>\n" where <len> counts the bytes of the whole record.
    const out = new Map();
    let pos = 0;
    while (pos < data.length) {
        if (data[pos] === 0)
            break; // some writers pad the data with NULs
        const space = data.indexOf(0x20, pos);
        const len = space === -1 ? NaN : Number(data.toString('latin1', pos, space));
        if (!Number.isInteger(len) || len <= 0 || pos + len > data.length || data[pos + len - 1] !== 0x0a) {
            throw fail(offset, `malformed PAX record at byte ${pos} of the extended header`);
        }
        const record = data.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq <= 0)
            throw fail(offset, `malformed PAX record "${record}"`);
        const key = record.slice(0, eq);
        const value = record.slice(eq + 1);
        // An empty value cancels the keyword (POSIX); kept as '' so it also overrides a global one.
        out.set(key, value);
        pos += len;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/tar.ts



/** Long names and PAX headers are buffered; real ones are a few KiB, so a cap keeps memory bounded. */
const MAX_META_BYTES = 1024 * 1024;
/**
 * Compression of a layer from its media type: OCI `...tar+gzip` / `...tar+zstd` / `...tar`, Docker
 * `...rootfs.diff.tar.gzip` (and `.tar.zstd`, `.tar`). Parameters (`; foo=bar`) are ignored.
 * @throws LayerFormatError for anything that is not a tar layer (e.g. a config or an unknown type).
 */
function layerCompression(mediaType) {
    const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
    const m = /(?:^|[./+-])tar(?:[+.](gzip|zstd))?$/.exec(base);
    if (!m) {
        throw new LayerFormatError(`unsupported layer media type "${mediaType}": expected a tar layer ` +
            '(application/vnd.oci.image.layer.v1.tar[+gzip|+zstd] or application/vnd.docker.image.rootfs.diff.tar.gzip)');
    }
    return m[1] === 'gzip' ? 'gzip' : m[1] === 'zstd' ? 'zstd' : 'none';
}
/**
 * Lists the entries of an image layer blob while it streams: file contents are skipped chunk by chunk,
 * never buffered, so memory stays constant whatever the layer size. Understands ustar, GNU (`L`/`K`
 * long names, base-256 sizes, old sparse files) and PAX (`x`/`g`: path, linkpath, size) headers.
 * Whiteout entries (`.wh.*`) are listed as ordinary files; applying them is the caller's job
 * (see `FileTree` in policy/). Reads the stream to its end so gzip's CRC is verified.
 *
 * @param stream the blob bytes (e.g. a registry `getBlob` body)
 * @param mediaType the layer descriptor's media type; decides gzip / none, zstd is refused
 * @throws LayerFormatError on zstd, unknown media types, corrupt gzip or malformed/truncated tar data
 */
async function* listLayerEntries(stream, mediaType) {
    const compression = layerCompression(mediaType);
    if (compression === 'zstd') {
        throw new LayerFormatError(`layer media type "${mediaType}" is zstd-compressed, which is unsupported: Node.js ${process.version} ` +
            'has no zstd decompressor. Push gzip layers instead (podman/buildah push --compression-format gzip).');
    }
    const source = toAsyncIterable(stream);
    yield* readTar(compression === 'gzip' ? gunzip(source, mediaType) : source, mediaType);
}
/**
 * Lists the entries of an uncompressed tar stream (see {@link listLayerEntries}).
 * @param label names the stream in error messages
 */
async function* listTarEntries(source, label = 'tar') {
    yield* readTar(source, label);
}
/**
 * Normalises a path from a tar header to absolute form: `./usr//bin/` → `/usr/bin`, `.` → `/`;
 * `..` cannot climb above the root (a layer cannot write outside it either).
 */
function normalizeLayerPath(raw) {
    const parts = [];
    for (const seg of raw.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return '/' + parts.join('/');
}
function toAsyncIterable(stream) {
    if (Symbol.asyncIterator in stream)
        return stream;
    const web = stream;
    return (async function* () {
        const reader = web.getReader();
        let done = false;
        try {
            for (;;) {
                const r = await reader.read();
                if (r.done) {
                    done = true;
                    return;
                }
                yield r.value;
            }
        }
        finally {
            // An early exit must cancel the body, or the underlying HTTP connection stays busy.
            if (!done)
                await reader.cancel().catch(() => undefined);
            reader.releaseLock();
        }
    })();
}
async function* gunzip(source, mediaType) {
    const gz = (0,external_node_zlib_.createGunzip)();
    const input = external_node_stream_.Readable.from(source);
    // Errors from either side end up destroying `gz`, so they surface in the loop below.
    (0,external_node_stream_.pipeline)(input, gz, () => undefined);
    try {
        for await (const chunk of gz)
            yield chunk;
    }
    catch (err) {
        const code = err.code;
        if (typeof code === 'string' && code.startsWith('Z_')) {
            throw new LayerFormatError(`layer (${mediaType}) is not valid gzip: ${err.message}`);
        }
        throw err;
    }
    finally {
        input.destroy();
        gz.destroy();
    }
}
/** Pulls bytes from an async iterator: exact reads for headers, cheap skips for contents. */
class ByteReader {
    it;
    cur = Buffer.alloc(0);
    pos = 0;
    /** Bytes consumed so far (for error messages). */
    position = 0;
    constructor(it) {
        this.it = it;
    }
    async pull() {
        for (;;) {
            const r = await this.it.next();
            if (r.done)
                return false;
            if (r.value.byteLength === 0)
                continue;
            this.cur = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
            this.pos = 0;
            return true;
        }
    }
    /** Exactly `n` bytes, or fewer only at the end of the stream. */
    async read(n) {
        if (this.cur.length - this.pos >= n) {
            // Copy: the source may reuse its chunk buffers after we ask for the next one.
            const b = Buffer.from(this.cur.subarray(this.pos, this.pos + n));
            this.pos += n;
            this.position += n;
            return b;
        }
        const parts = [];
        let need = n;
        while (need > 0) {
            if (this.pos >= this.cur.length && !(await this.pull()))
                break;
            const take = Math.min(need, this.cur.length - this.pos);
            parts.push(Buffer.from(this.cur.subarray(this.pos, this.pos + take)));
            this.pos += take;
            this.position += take;
            need -= take;
        }
        return Buffer.concat(parts);
    }
    /** Discards `n` bytes without keeping them; returns how many were actually there. */
    async skip(n) {
        let left = n;
        while (left > 0) {
            if (this.pos >= this.cur.length && !(await this.pull()))
                break;
            const take = Math.min(left, this.cur.length - this.pos);
            this.pos += take;
            this.position += take;
            left -= take;
        }
        return n - left;
    }
    async drain() {
        this.pos = this.cur.length;
        while (await this.pull())
            this.pos = this.cur.length;
    }
    async close() {
        await this.it.return?.();
    }
}
async function* readTar(source, label) {
    const reader = new ByteReader(source[Symbol.asyncIterator]());
    const globalPax = new Map();
    let localPax = new Map();
    let longName;
    let longLink;
    let finished = false;
    const fail = (offset, what) => new LayerFormatError(`${label}: ${what} (at byte ${offset} of the uncompressed tar)`);
    try {
        for (;;) {
            const offset = reader.position;
            const header = await reader.read(BLOCK);
            if (header.length === 0) {
                // Some writers omit the two zero blocks; ending on a header boundary is still a whole archive.
                if (longName !== undefined || longLink !== undefined || localPax.size > 0) {
                    throw fail(offset, 'stream ends after an extended header, before its entry');
                }
                finished = true;
                return;
            }
            if (header.length < BLOCK) {
                throw fail(offset, `truncated header (${header.length} of 512 bytes)${formatHint(header, offset)}`);
            }
            if (header.every((b) => b === 0)) {
                await reader.drain();
                finished = true;
                return;
            }
            verifyChecksum(header, offset, fail);
            const typeflag = header[156] === 0 ? '0' : String.fromCharCode(header[156] ?? 0);
            const headerSize = parseNumeric(header.subarray(124, 136), 'size', offset, fail);
            const readMeta = async (what) => {
                if (headerSize > MAX_META_BYTES) {
                    throw fail(offset, `${what} of ${headerSize} bytes exceeds the ${MAX_META_BYTES}-byte limit`);
                }
                const data = await reader.read(headerSize);
                if (data.length < headerSize)
                    throw fail(offset, `truncated ${what}`);
                await skipPadding(reader, headerSize);
                return data;
            };
            switch (typeflag) {
                case 'L':
                    longName = cString(await readMeta('GNU long name'));
                    continue;
                case 'K':
                    longLink = cString(await readMeta('GNU long link name'));
                    continue;
                case 'x':
                    for (const [k, v] of parsePax(await readMeta('PAX header'), offset, fail))
                        localPax.set(k, v);
                    continue;
                case 'g':
                    for (const [k, v] of parsePax(await readMeta('PAX global header'), offset, fail))
                        globalPax.set(k, v);
                    continue;
                case 'V': // GNU volume label: not a filesystem entry
                    await skipData(reader, headerSize, offset, 'volume label', fail);
                    continue;
            }
            const { entry, dataSize } = await readEntry(reader, {
                header,
                typeflag,
                headerSize,
                pax: new Map([...globalPax, ...localPax]),
                longName,
                longLink,
                offset,
                fail,
            });
            longName = undefined;
            longLink = undefined;
            localPax = new Map();
            yield entry;
            await skipData(reader, dataSize, offset, entry.path, fail);
        }
    }
    finally {
        // Stopping early (consumer broke out, or an error): release the source instead of draining it.
        if (!finished)
            await reader.close();
    }
}
/**
 * Decodes a regular entry from its header and extensions, reading the extra sparse-map blocks of
 * an old GNU sparse file. Returns the entry and how many data bytes follow it in the archive.
 */
async function readEntry(reader, { header, typeflag, headerSize, pax: merged, longName, longLink, offset, fail }) {
    const pax = (key) => merged.get(key) || undefined;
    const magic = header.toString('latin1', 257, 263);
    let name = cString(header.subarray(0, 100));
    // Only POSIX ustar has a prefix field; GNU tar stores atime/ctime in the same bytes.
    if (magic === 'ustar\0') {
        const prefix = cString(header.subarray(345, 500));
        if (prefix)
            name = `${prefix}/${name}`;
    }
    const rawPath = pax('path') ?? pax('GNU.sparse.name') ?? longName ?? name;
    const rawLink = pax('linkpath') ?? longLink ?? cString(header.subarray(157, 257));
    let dataSize = headerSize;
    const paxSize = pax('size');
    if (paxSize !== undefined) {
        if (!/^\d+$/.test(paxSize))
            throw fail(offset, `bad PAX size "${paxSize}"`);
        dataSize = Number(paxSize);
    }
    let size = dataSize;
    if (typeflag === 'S') {
        // Old GNU sparse: stored bytes in `size`, real size at 483; extra sparse-map blocks may follow.
        size = parseNumeric(header.subarray(483, 495), 'sparse real size', offset, fail);
        let extended = header[482] !== 0;
        while (extended) {
            const ext = await reader.read(BLOCK);
            if (ext.length < BLOCK)
                throw fail(offset, 'truncated GNU sparse header');
            extended = ext[504] !== 0;
        }
    }
    const realSize = pax('GNU.sparse.realsize') ?? pax('GNU.sparse.size');
    if (realSize !== undefined && /^\d+$/.test(realSize))
        size = Number(realSize);
    const type = entryType(typeflag, rawPath);
    // Header-only types carry no data even if `size` is set (same rule as Go's archive/tar).
    if (headerOnly(typeflag))
        dataSize = 0;
    const entry = {
        path: normalizeLayerPath(rawPath),
        type,
        size: type === 'file' ? size : 0,
        mode: parseNumeric(header.subarray(100, 108), 'mode', offset, fail) & 0o7777,
    };
    if (type === 'symlink')
        entry.linkname = rawLink;
    else if (type === 'hardlink')
        entry.linkname = normalizeLayerPath(rawLink);
    return { entry, dataSize };
}
async function skipPadding(reader, size) {
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0)
        await reader.skip(pad);
}
async function skipData(reader, size, offset, what, fail) {
    const total = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    const skipped = await reader.skip(total);
    // Missing padding after the last entry is tolerated; missing content is not.
    if (skipped < size)
        throw fail(offset, `truncated contents of ${what} (${skipped} of ${size} bytes)`);
}


/***/ })

};
