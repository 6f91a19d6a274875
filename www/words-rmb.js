// 人民币大写: a CNY amount in Chinese capital numerals, as banks write it on
// cheques, receipts and quotes (中国人民银行《支付结算办法》附件一
// 《正确填写票据和结算凭证的基本规定》):
// - "人民币" first; 壹贰叁肆伍陆柒捌玖, 拾佰仟, 万亿, 元角分 (壹拾 for ten, never 拾 alone);
// - 整 after 元 when there are no 角 and 分; nothing after 角 or 分;
// - one 零 for a run of zeros inside the number (¥6,007.14 → 陆仟零柒元壹角肆分);
// - 零 after 元 when the 元 digit is 0 and 角 is not (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分,
//   the first of the two forms the rules allow), or when 角 is 0 and 分 is not
//   (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
// Input is the engine's decimal string, read digit by digit: no floats, no rounding.
// An amount it cannot write exactly (negative, finer than 分, 10^16 or more) gives null.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const MAX_DIGITS = 16; // below 1 万亿亿: more than any deposit

/** One group of four digits ("0107" → 壹佰零柒), without leading or trailing 零. */
function group(four) {
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(four[i]);
    if (d === 0) { zero = out !== ''; continue; }
    if (zero) { out += '零'; zero = false; }
    out += DIGITS[d] + PLACES[3 - i];
  }
  return out;
}

/**
 * The whole 元 as capitals, '' for zero: "107000" → 壹拾万柒仟, "100100" → 壹拾万零壹佰,
 * "1000100000000" → 壹万零壹亿. Above 亿 the 亿s are counted the same way; a lower
 * part that does not fill its top place reads with one 零.
 */
function yuan(digits) {
  const d = digits.replace(/^0+/, '');
  if (d.length <= 4) return d ? group(d.padStart(4, '0')) : '';
  const [size, unit] = d.length > 8 ? [8, '亿'] : [4, '万'];
  const high = yuan(d.slice(0, -size)) + unit;
  const low = d.slice(-size);
  if (/^0+$/.test(low)) return high;
  return high + (low[0] === '0' ? '零' : '') + yuan(low);
}

/**
 * "12087.75" → "人民币壹万贰仟零捌拾柒元柒角伍分"; "10.00" → "人民币壹拾元整";
 * "0.05" → "人民币伍分"; null when the amount cannot be written exactly.
 */
export function rmbCapital(text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(frac.slice(2)) || whole.length > MAX_DIGITS) return null;
  const jiao = Number(frac[0]);
  const fen = Number(frac[1]);
  const head = whole === '0' ? '' : `${yuan(whole)}元`;
  if (!jiao && !fen) return `人民币${head || '零元'}整`;
  let out = `人民币${head}`;
  const yuanDigitZero = head !== '' && whole.endsWith('0');
  if (jiao) out += `${yuanDigitZero ? '零' : ''}${DIGITS[jiao]}角`;
  if (fen) out += `${!jiao && head ? '零' : ''}${DIGITS[fen]}分`;
  return out;
}
