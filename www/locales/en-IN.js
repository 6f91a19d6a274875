// English (India): English texts, Indian number grouping (lakh, crore) via Intl.
import en from './en.js';

export default {
  ...en,
  subtitle: 'Fixed monthly instalments, principal and interest paid together at maturity. Every figure is computed exactly in your browser; nothing is sent anywhere.',
  installment: 'Monthly instalment, in {currency}',
  installmentHint: 'At least {min}, in multiples of {step}{max}.',
  gridLabel: 'Instalments',
  allOnTime: 'All instalments paid on time',
  err_BELOW_MINIMUM: 'Enter a monthly instalment of at least {min}',
  err_ABOVE_MAXIMUM: 'Enter a monthly instalment of at most {max}',
  err_NOT_A_STEP_MULTIPLE: 'Enter an instalment in multiples of {step}',
  installmentPlain: 'Monthly instalment',
  quoteYear: 'Year {year} (instalments {from}–{to})',
  quoteCondensed: '({n} instalments: the first ones, a subtotal per year, the last; a subtotal is the total deposited by the end of that year)',
  quoteMoreExceptions: '{n} more instalments not paid on time',
};
