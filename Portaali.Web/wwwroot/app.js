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

// "/" anywhere outside a text field jumps to the customer quick search, as in many web apps. Listening from the start
// (not from the component's first render) means a "/" pressed as soon as the page is usable is never missed.
document.addEventListener("keydown", e => {
    const t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) return;
    const box = document.getElementById("quick-search");
    if (box) { e.preventDefault(); box.focus(); }
});
