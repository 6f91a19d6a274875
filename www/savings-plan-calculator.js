// What a host page loads: <script type="module" src=".../savings-plan-calculator.js">.
// Registers <savings-plan-calculator> (ignoring "already defined").
// The element is imported dynamically: when one of its modules cannot be
// fetched (a 404, a CDN without CORS, a Content-Security-Policy), the host
// page shows why inside the element instead of an empty box. No top-level
// await, so bundlers with older targets take this file as it is; the class
// itself is `savings-plan-calculator/element` (savings-plan-calculator-element.js).

// The first screen's .wasm is the longest download: start it now, beside the
// element's modules, instead of when they have arrived and run (a round trip
// and their transfer later). A host page that preloads it already keeps its
// own. A preload in fetch()'s mode (CORS, credentials same-origin), so that
// the engine's fetch in engine.js reuses it; the path is engine.js's WASM_URL.
preloadEngine(new URL('./pkg/savings_plan_first_bg.wasm', import.meta.url).href);

function preloadEngine(href) {
  const head = globalThis.document?.head;
  if (!head || [...head.querySelectorAll('link[rel="preload"]')].some((l) => l.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.type = 'application/wasm';
  link.crossOrigin = 'anonymous';
  link.href = href;
  head.append(link);
}

/** Resolves to the registered class once the element is defined (the stand-in, if the component could not load). */
export const ready = import('./savings-plan-calculator-element.js').then(
  ({ SavingsPlanCalculatorElement }) => SavingsPlanCalculatorElement.define(),
  (error) => unavailable(error, new URL('./', import.meta.url).href).define());

// The stand-in element: says, in the page's language, that the calculator
// could not load and from where. Texts are here, not in locales/, because
// those modules may be what failed. Styled through a constructed stylesheet,
// which a strict Content-Security-Policy allows (no inline style).
function unavailable(error, base) {
  const TEXTS = {
    'zh-CN': ['计算器无法加载。', '无法从 {base} 取得它的脚本文件。若它在另一个服务器上，该服务器须对 .js 文件发送 Access-Control-Allow-Origin，页面的 Content-Security-Policy 须在 script-src 中允许它。'],
    en: ['The calculator could not be loaded.', 'Its script files could not be fetched from {base}. If it is on another server, that server must send Access-Control-Allow-Origin with the .js files, and the page’s Content-Security-Policy must allow it in script-src.'],
  };
  return class UnavailableSavingsPlanCalculator extends HTMLElement {
    static define(tag = 'savings-plan-calculator', registry = customElements) {
      if (!registry.get(tag)) registry.define(tag, this);
      return this;
    }

    connectedCallback() {
      if (this.shadowRoot) return;
      const lang = this.closest('[lang]')?.getAttribute('lang') ?? '';
      const [headline, detail] = TEXTS[/^zh/i.test(lang) ? 'zh-CN' : 'en'];
      const root = this.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      box.className = 'unavailable';
      box.id = 'unavailable';
      box.setAttribute('role', 'alert');
      const strong = document.createElement('strong');
      strong.textContent = headline;
      const p = document.createElement('p');
      p.textContent = detail.replace('{base}', base);
      const code = document.createElement('p');
      code.className = 'reason';
      code.textContent = String(error?.message ?? error);
      box.append(strong, p, code);
      root.append(box);
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`:host { display: block; }
          .unavailable { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; background: #fff; border: 4px solid #b3261e; padding: .75em 1em; }
          .reason { color: #50565e; font-size: .9em; overflow-wrap: anywhere; }`);
        root.adoptedStyleSheets = [sheet];
      } catch { /* unstyled text is still visible */ }
    }
  };
}
