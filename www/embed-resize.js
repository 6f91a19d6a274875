// For host pages that embed embed.html in an iframe: sizes every such frame to
// its content, and passes a share link's scenario on to the frame. Load it with
// <script src=".../embed-resize.js" defer></script>, or copy these lines into
// your own script.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'savings-plan-height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Number(event.data.height) || 0}px`;
  }
});

// A share link made inside the frame with share-url = this page's address
// carries the scenario in this page's `s` parameter: hand it to our frames
// (embed.html from the same origin as this script), which restore it.
(() => {
  const s = new URLSearchParams(location.search).get('s');
  const script = document.currentScript;
  if (!s || !script?.src) return;
  const origin = new URL(script.src).origin;
  for (const frame of document.querySelectorAll('iframe[src]')) {
    const url = new URL(frame.getAttribute('src'), document.baseURI);
    if (url.origin !== origin || !url.pathname.endsWith('/embed.html') || url.searchParams.get('s') === s) continue;
    url.searchParams.set('s', s);
    frame.src = url.href;
  }
})();
