// Escape inside an edit dialog goes to the dialog's own handler, which asks before discarding unsaved work. An Escape
// that closes an open select list or menu is left to it.
const listeners = new WeakMap();

export function onEscape(element, dotNet) {
    const dialog = element.closest(".mud-dialog") ?? element;
    const onKeyDown = e => {
        if (e.key !== "Escape" || e.defaultPrevented || document.querySelector(".mud-popover-open")) return;
        e.preventDefault();
        dotNet.invokeMethodAsync("OnEscapeAsync");
    };
    dialog.addEventListener("keydown", onKeyDown);
    listeners.set(element, { dialog, onKeyDown });
}

export function ready(element) {
    (element.closest(".mud-dialog") ?? element).dataset.editDialog = "ready";
}

export function off(element) {
    const listener = listeners.get(element);
    if (listener) listener.dialog.removeEventListener("keydown", listener.onKeyDown);
}
