// Printing a teller's quote prints the component alone, on one A4 page, even
// when it sits inside a bank's page (CONTRACT §8.5). While a quote prints,
// one constructable stylesheet (allowed under a strict CSP: no inline style)
// is adopted by the host document: it sets the page to A4 portrait, hides
// every element that neither holds the printing component nor is inside it,
// and takes the box (margins, padding, borders, sizes, text) away from the
// elements that hold it. The component marks itself with `data-spc-printing`
// for that time only; after printing, the sheet and the mark are removed and
// the host page is as it was. Inside an iframe the same happens in the
// frame's document, which is what the frame prints.

const MARK = 'data-spc-printing';
const HOST_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; border: 0 !important; background: #fff !important;
    width: auto !important; height: auto !important; min-height: 0 !important; max-height: none !important; overflow: visible !important; }
  body *:not(:has([${MARK}])):not([${MARK}]):not([${MARK}] *) { display: none !important; }
  body :has([${MARK}]) { display: block !important; position: static !important; float: none !important; transform: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important;
    width: auto !important; max-width: none !important; height: auto !important; min-height: 0 !important; max-height: none !important;
    overflow: visible !important; columns: auto !important; visibility: hidden !important; font-size: 0 !important; line-height: 0 !important; }
  [${MARK}] { display: block !important; visibility: visible !important; position: static !important; float: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important; width: auto !important; max-width: none !important;
    height: auto !important; transform: none !important; }
}`;

let sheet = null;
let requested = null;
const quotes = new Set(); // connected components in teller mode, in the order they joined

/** The component asks to print its quote (its print button). */
export function printQuote(element) {
  requested = element;
  element.ownerDocument.defaultView.print();
}

/** A component in teller mode joins (or, with false, leaves) the instances that can print a quote. */
export function offerQuote(element, teller) {
  if (teller) quotes.add(element); else quotes.delete(element);
}

/** The instance that prints: the one whose button was pressed, else the first in teller mode. */
function printing() {
  if (requested?.isConnected && quotes.has(requested)) return requested;
  for (const el of quotes) if (el.isConnected) return el;
  return null;
}

function before() {
  const el = printing();
  if (!el) return;
  const doc = el.ownerDocument;
  sheet ??= new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(HOST_CSS);
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  el.setAttribute(MARK, '');
}

function after() {
  requested = null;
  for (const el of quotes) el.removeAttribute(MARK);
  if (sheet && globalThis.document) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}

if (globalThis.addEventListener && globalThis.document) {
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
}
