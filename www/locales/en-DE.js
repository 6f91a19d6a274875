// English (Germany): English texts with German number and date formats
// ("3.691,82 €", "01.01.2027"), for the German bonus savings plan and German
// pages (format.js formats this language with Intl's de-DE data).
import en from './en.js';

export default {
  ...en,
  installmentHint: 'At least {min}, in multiples of {step}{max}. Type amounts as 1.234,56 or 1234.',
};
