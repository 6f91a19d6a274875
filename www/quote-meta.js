// What makes a printout a quote: a number made on the device and the date
// until which it holds. Nothing here is money; the dates are calendar dates.

// Crockford's base 32: no I, L, O or U, so a number read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * "Q20250115-7K3F9": the date prepared and five random characters from the
 * device's cryptographic generator (32^5 ≈ 33.5 million per day), so two
 * counters never need to agree on a sequence and nothing is sent anywhere.
 */
export function quoteNumber(today, random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  const tail = Array.from(random(5), (b) => ALPHABET[b % 32]).join('');
  return `Q${today.replaceAll('-', '')}-${tail}`;
}

/** The last day a quote prepared on `today` holds: today + days ("2025-01-15", 7 → "2025-01-22"). */
export function validUntil(today, days) {
  const [y, m, d] = today.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1, d + days));
  return end.toISOString().slice(0, 10);
}

/** The `quote-valid-days` attribute: a whole number of days from 1 to 365, else 7. */
export function validDays(attribute) {
  const n = Number(attribute);
  return Number.isInteger(n) && n >= 1 && n <= 365 && /^\s*\d+\s*$/.test(attribute ?? '') ? n : 7;
}
