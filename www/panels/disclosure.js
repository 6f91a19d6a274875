// The footer every screen and printed quote carries: rates' date and the disclosure.
import { h } from '../dom.js';
import { date } from '../format.js';

/** data: { product, builtIn } (the example-rates note only with the built-in catalog). */
export function render(slot, { product, builtIn }, { t, lang }) {
  slot.replaceChildren(h('footer', { class: 'disclosure' },
    h('p', { id: 'disclosure' }, product.ratesEffective ? `${t('ratesEffective', { date: date(product.ratesEffective, lang) })} ` : '', t('disclosure'),
      builtIn ? ` ${t('exampleRatesScreen')}` : '')));
}
