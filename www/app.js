// Page wiring only: keeps the document's language in step with the
// calculator's, so screen readers and fonts follow the chosen language.
const calc = document.getElementById('calculator');
const sync = () => {
  const lang = calc.getAttribute('lang');
  if (lang) document.documentElement.lang = lang;
};
new MutationObserver(sync).observe(calc, { attributes: true, attributeFilter: ['lang'] });
sync();
