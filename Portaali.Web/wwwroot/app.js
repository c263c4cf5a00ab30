// Marks the page once the Blazor circuit is interactive, so people's fast clicks (and browser tests) are not lost.
window.portaali = {
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
    // The team-meeting view on the whole projector screen, without the app bar and menu; again or Esc returns.
    toggleFullscreen: el => document.fullscreenElement ? document.exitFullscreen() : el.requestFullscreen(),
};

// The team meeting's full-screen button: a click handler here, not an inline onclick (the CSP refuses inline script), and
// in the click itself, not after a round trip to the server, so the browser still counts it as the user's gesture.
document.addEventListener("click", e => {
    const button = e.target.closest?.("[data-fullscreen-toggle]");
    if (button) portaali.toggleFullscreen(button.closest(".team-meeting"));
});

// A list row marked data-row-href (the customer view's) opens its item on a click anywhere in it, like its name link. Here,
// not a server event per row: a row of the customer view is then one markup string in the circuit, not a dozen render-tree
// frames and an event handler. The row's own controls keep their click; selecting a cell's text (to copy a business id)
// is not opening the customer.
document.addEventListener("click", e => {
    const row = e.target.closest?.("tr[data-row-href]");
    if (!row || e.button !== 0 || e.defaultPrevented || e.target.closest("a, button, input, select, textarea, label")) return;
    if (window.getSelection?.().toString()) return;
    const href = row.getAttribute("data-row-href");
    if (window.Blazor?.navigateTo) window.Blazor.navigateTo(href); else window.location.assign(href);
});

// "/" anywhere outside a text field jumps to the search, as in many web apps: the page's own search when it has one
// (marked data-slash-search, e.g. the customer view's), else the app bar's customer quick search. Listening from the start
// (not from the component's first render) means a "/" pressed as soon as the page is usable is never missed.
document.addEventListener("keydown", e => {
    const t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    // Already in the page's search (it takes the focus on arrival) and nothing typed yet: the "/" meant "to the search",
    // not a search for "/". Any other "/" typed in a field is the person's text and stays.
    if (t.matches?.("[data-slash-search] input, input[data-slash-search]") && t.value === "") { e.preventDefault(); return; }
    if (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) return;
    const box = document.querySelector("[data-slash-search] input, input[data-slash-search]") ?? document.getElementById("quick-search");
    if (box) { e.preventDefault(); box.focus(); }
});

// The skip link moves the focus to the page itself (not only the scroll position), so the next Tab continues in the page.
// Capture phase: before Blazor's router turns the click into a navigation to "#main-content".
document.addEventListener("click", e => {
    const link = e.target.closest?.("[data-skip-link]");
    const main = link && document.getElementById(link.hash.slice(1));
    if (!main) return;
    e.preventDefault();
    main.focus();
}, true);

// When a dialog closes (Escape, Cancel, Save), the focus goes back to the control that opened it, so a keyboard user goes
// on from where they were; MudBlazor's focus trap keeps it inside while the dialog is open. Only when the focus was left
// on nothing: a dialog that moved the focus somewhere on purpose keeps it there.
(() => {
    const inDialog = el => el?.closest?.(".mud-dialog-container, .mud-popover");
    let lastOutside = null, opener = null, open = false;
    document.addEventListener("focusin", e => { if (!inDialog(e.target)) lastOutside = e.target; });
    new MutationObserver(() => {
        const nowOpen = document.querySelector(".mud-dialog-container") !== null;
        if (nowOpen && !open) opener = lastOutside;
        if (!nowOpen && open) {
            const lost = !document.activeElement || document.activeElement === document.body;
            if (lost && opener?.isConnected) opener.focus();
            opener = null;
        }
        open = nowOpen;
    }).observe(document.body, { childList: true, subtree: true });
})();
