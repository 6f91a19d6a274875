// A small, independent evaluator of the engine's "how we calculated"
// formulas, in exact rational arithmetic (BigInt), for the browser tests:
// `+ − × ÷ ^ %`, parentheses, `max`/`min`, and `a + b + … + z`, a run with
// the step of its first two terms (README, "Result"). A formula that ends
// `→ halfUp to 2 places` is rounded as it says. Powers must be whole.

const gcd = (a, b) => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) [a, b] = [b, a % b]; return a; };

class Q {
  constructor(n, d = 1n) {
    if (d === 0n) throw new Error('division by zero');
    if (d < 0n) { n = -n; d = -d; }
    const g = gcd(n, d) || 1n;
    this.n = n / g; this.d = d / g;
  }
  static of(text) {
    const [int, frac = ''] = String(text).replace('−', '-').split('.');
    return new Q(BigInt(int + frac), 10n ** BigInt(frac.length));
  }
  add(o) { return new Q(this.n * o.d + o.n * this.d, this.d * o.d); }
  sub(o) { return new Q(this.n * o.d - o.n * this.d, this.d * o.d); }
  mul(o) { return new Q(this.n * o.n, this.d * o.d); }
  div(o) { return new Q(this.n * o.d, this.d * o.n); }
  cmp(o) { const x = this.n * o.d - o.n * this.d; return x < 0n ? -1 : x > 0n ? 1 : 0; }
  pow(o) {
    if (o.d !== 1n) throw new Error('a fractional power');
    let r = new Q(1n); const base = o.n < 0n ? new Q(this.d, this.n) : this;
    for (let i = 0n; i < (o.n < 0n ? -o.n : o.n); i++) r = r.mul(base);
    return r;
  }
  /** Rounded to `scale` places by `mode` (halfUp: halves away from zero). */
  round(scale, mode) {
    const f = 10n ** BigInt(scale);
    const neg = this.n < 0n; const n = (neg ? -this.n : this.n) * f;
    let q = n / this.d; const r2 = (n % this.d) * 2n;
    if (mode === 'halfUp' && r2 >= this.d) q++;
    if (mode === 'halfEven' && (r2 > this.d || (r2 === this.d && q % 2n === 1n))) q++;
    return new Q(neg ? -q : q, f);
  }
  toString() { return this.d === 1n ? String(this.n) : `${this.n}/${this.d}`; }
}

function tokens(text) {
  const out = [];
  const re = /\s*(\d+(?:\.\d+)?|max|min|[+\-−×÷^%(),…])/gy;
  let m;
  let at = 0;
  while (at < text.length && (m = re.exec(text))) { out.push(m[1]); at = re.lastIndex; }
  if (text.slice(at).trim()) throw new Error(`cannot read "${text.slice(at)}" in ${text}`);
  return out;
}

/** The exact value of a formula (without a rounding suffix). */
export function evaluate(text) {
  const t = tokens(text);
  let i = 0;
  const peek = () => t[i];
  const take = (x) => { if (x && t[i] !== x) throw new Error(`expected ${x} at ${i} in ${text}`); return t[i++]; };
  const RUN = Symbol('run');
  function sum() {
    const items = [{ sign: 1, v: product() }];
    while (peek() === '+' || peek() === '−' || peek() === '-') {
      const op = take();
      if (peek() === '…') { take(); items.push({ sign: 1, v: RUN }); continue; }
      items.push({ sign: op === '+' ? 1 : -1, v: product() });
    }
    // Expand each run: the step of the two terms before it, up to (not including) the term after it.
    const flat = [];
    items.forEach((item, k) => {
      if (item.v !== RUN) { flat.push(item); return; }
      const a = items[k - 2]?.v; const b = items[k - 1]?.v; const z = items[k + 1]?.v;
      if (!(a instanceof Q && b instanceof Q && z instanceof Q)) throw new Error(`a run needs two terms before and one after: ${text}`);
      const step = b.sub(a);
      const count = z.sub(b).div(step);
      if (count.d !== 1n || count.n < 2n) throw new Error(`not a run with one step: ${text}`);
      for (let x = b.add(step); x.cmp(z) !== 0; x = x.add(step)) flat.push({ sign: 1, v: x });
    });
    return flat.reduce((acc, { sign, v }) => (sign > 0 ? acc.add(v) : acc.sub(v)), new Q(0n));
  }
  function product() {
    let v = unary();
    while (peek() === '×' || peek() === '÷') v = take() === '×' ? v.mul(unary()) : v.div(unary());
    return v;
  }
  function unary() {
    if (peek() === '−' || peek() === '-') { take(); return new Q(0n).sub(unary()); }
    const base = postfix();
    if (peek() === '^') { take(); return base.pow(unary()); }
    return base;
  }
  function postfix() {
    let v = primary();
    while (peek() === '%') { take(); v = v.div(new Q(100n)); }
    return v;
  }
  function primary() {
    const x = take();
    if (x === '(') { const v = sum(); take(')'); return v; }
    if (x === 'max' || x === 'min') {
      take('(');
      const args = [sum()];
      while (peek() === ',') { take(); args.push(sum()); }
      take(')');
      return args.reduce((m, v) => ((x === 'max' ? v.cmp(m) > 0 : v.cmp(m) < 0) ? v : m));
    }
    if (/^\d/.test(x ?? '')) return Q.of(x);
    throw new Error(`unexpected ${x} in ${text}`);
  }
  const v = sum();
  if (i !== t.length) throw new Error(`left over: ${t.slice(i).join(' ')} in ${text}`);
  return v;
}

/**
 * Whether a formula equals its value: exactly after the rounding it states,
 * else to within 5·10⁻¹¹ (the 10-place display of an exact figure).
 * `percent`: the value is in percent (the rate steps `earlyRate`, `subsidyRate`).
 */
export function close(formula, value, { percent = false } = {}) {
  const [left, rounding] = formula.split(' → ');
  const exact = evaluate(left);
  const v = percent ? Q.of(value).div(new Q(100n)) : Q.of(value);
  if (rounding) {
    const m = /^(halfUp|halfEven|down) to (\d+) places$/.exec(rounding);
    if (!m) throw new Error(`unknown rounding: ${rounding}`);
    return exact.round(Number(m[2]), m[1]).cmp(v) === 0;
  }
  const diff = exact.sub(v);
  return new Q(diff.n < 0n ? -diff.n : diff.n, diff.d).cmp(new Q(5n, 10n ** 11n)) <= 0;
}
