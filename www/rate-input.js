// A teller's rate as people type it: "1.1%", "1.10", "1.1 %", full-width
// "１．１％" all mean 1.1 percent a year. The text is only tidied, never
// turned into a number: the engine reads it exactly and refuses what is not
// a rate (a negative rate is INVALID_VALUE at plan.rate).

const FULL_WIDTH = /[０-９．－]/g;

/** The rate as the engine reads it ("1.1%" → "1.1"), or null when empty. */
export function rateText(typed) {
  const text = String(typed ?? '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％\s]/g, '');
  return text === '' ? null : text;
}
