// Marks the page once the Blazor circuit is interactive, so people's fast clicks (and browser tests) are not lost.
window.portaali = {
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
    // The team-meeting view on the whole projector screen, without the app bar and menu; again or Esc returns.
    toggleFullscreen: el => document.fullscreenElement ? document.exitFullscreen() : el.requestFullscreen(),
};
