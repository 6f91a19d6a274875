// embed.html?catalog=…&products=…&lang=…&mode=…&plan=…&today=…&issuer=…&quote-valid-days=… : the calculator
// for sites that cannot load third-party modules. It takes its attributes from
// the query, posts its height to the parent whenever it changes, and forwards
// the component's events, so the parent can size the frame and listen:
//   { type: 'savings-plan-height', height }
//   { type: 'savings-plan-result', detail }  /  { type: 'savings-plan-error', detail }
import './savings-plan-calculator.js';

const calc = document.querySelector('savings-plan-calculator');
const params = new URLSearchParams(location.search);
for (const name of ['catalog', 'products', 'lang', 'mode', 'plan', 'today', 'issuer', 'quote-valid-days']) {
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
