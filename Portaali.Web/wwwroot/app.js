// Marks the page once the Blazor circuit is interactive, so people's fast clicks (and browser tests) are not lost.
window.portaali = {
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
};
