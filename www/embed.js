// embed.html?catalog=…&products=…&lang=…&mode=…&plan=…&today=…&theme=…&hide=…&share-url=…&issuer=…&quote-valid-days=…&id=…
// The calculator for sites that cannot load third-party modules. It takes its
// attributes from the query (the frame's address is the host's request, so
// mode=teller there is the host asking), posts its height to the parent
// whenever it changes, and forwards the component's events, so the parent can
// size the frame and listen:
//   { type: 'savings-plan-height', height }
//   { type: 'savings-plan-result', detail }  /  { type: 'savings-plan-error', detail }
// A share link's scenario (`s`) is read by the component from this page's
// address; embed-resize.js passes it on from the host page's address.
import './savings-plan-calculator.js';

const ATTRIBUTES = ['catalog', 'products', 'lang', 'mode', 'plan', 'today', 'theme', 'hide', 'share-url', 'variants', 'currencies', 'issuer', 'quote-valid-days'];
const calc = document.querySelector('savings-plan-calculator');
const params = new URLSearchParams(location.search);
if (params.get('id')) calc.id = params.get('id');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value != null) calc.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');

const parentWindow = window.parent !== window ? window.parent : null;
const post = (message) => parentWindow?.postMessage(message, '*');

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    post({ type: 'savings-plan-height', height });
  }
}).observe(document.documentElement);

for (const type of ['savings-plan-result', 'savings-plan-error']) {
  calc.addEventListener(type, (e) => post({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
}
