// Drafts of edit forms in this browser's localStorage, so typed work survives a server restart, a lost connection or a
// reload. The server writes the whole form (selects and dates included) whenever it changes; this module also writes
// each text field on every keystroke, because the last letters typed before a crash never reach the server.
const prefix = "portaali-draft:";
const maxAgeMs = 14 * 24 * 60 * 60 * 1000;
const listeners = new WeakMap();

function load(key) {
    try { return JSON.parse(localStorage.getItem(prefix + key)); } catch { return null; }
}

function store(key, record) {
    record.savedAt = Date.now();
    try { localStorage.setItem(prefix + key, JSON.stringify(record)); } catch { /* storage full or off: a draft is a convenience */ }
}

// A dialog's own record; an older draft that was not restored is replaced as soon as new work begins.
function current(key, session) {
    const record = load(key);
    return record && record.session === session ? record : { session, model: null, fields: {} };
}

export function read(key) {
    const record = load(key);
    if (!record) return null;
    const empty = !record.model && Object.keys(record.fields ?? {}).length === 0;
    if (empty || !record.savedAt || Date.now() - record.savedAt > maxAgeMs) {
        localStorage.removeItem(prefix + key);
        return null;
    }
    return JSON.stringify({ model: record.model ?? null, fields: record.fields ?? {}, savedAt: record.savedAt });
}

export function saveModel(key, session, model) {
    const record = current(key, session);
    record.model = model;
    // The server now has every field except perhaps the one being typed in, whose latest letters may still be on their way.
    const focused = document.activeElement?.id;
    record.fields = focused && record.fields[focused] !== undefined ? { [focused]: record.fields[focused] } : {};
    if (!record.model && Object.keys(record.fields).length === 0) localStorage.removeItem(prefix + key);
    else store(key, record);
}

export function watch(key, session, element) {
    const onInput = e => {
        const t = e.target;
        if (!t?.id || !(t.tagName === "INPUT" || t.tagName === "TEXTAREA") || t.type === "file" || t.type === "password") return;
        const record = current(key, session);
        record.fields[t.id] = t.value;
        store(key, record);
    };
    element.addEventListener("input", onInput);
    listeners.set(element, onInput);
}

export function unwatch(element) {
    const onInput = listeners.get(element);
    if (onInput) element.removeEventListener("input", onInput);
}

export function clear(key) {
    localStorage.removeItem(prefix + key);
}
