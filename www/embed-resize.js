// For host pages that embed embed.html in an iframe: sizes every such frame to
// its content. Load it with <script src=".../embed-resize.js" defer></script>,
// or copy these lines into your own script.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'savings-plan-height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Number(event.data.height) || 0}px`;
  }
});
