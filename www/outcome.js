// What happens to the account, in words: how it closes (到期支取 / 提前支取 /
// 逾期支取 / 银行销户) and on which date, the rate the closing rule actually
// applied, and whether a breach happened. Shared by the headline and the
// what-if outcome, so both say the same thing. Every fact is the engine's
// (closure, closeDate, maturityDate, contractRate, closeRate, breach,
// renewals): nothing is decided or computed here, only put into words.
import { date, number } from './format.js';

/** "2028年6月10日 提前支取" / "Early withdrawal on 10 Jun 2028". */
export function outcomeTitle(r, { t, lang }) {
  return t(`outcome_${r.closure}`, { date: date(r.closeDate, lang) });
}

/**
 * The sentences under the title, each { key, text }: `rate` (the rates
 * actually applied, one or two sentences), `renewal` (auto-renewals),
 * `breach` (the breach; or that there was none, where the plan has missed
 * or late installments or the account did not simply run to maturity).
 * `exceptions`: the plan has missed or late installments.
 */
export function outcomeLines(r, { t, lang }, { exceptions = false } = {}) {
  const pct = (v) => (v == null ? '' : number(v, lang));
  const b = r.breach;
  const vars = { rate: pct(r.contractRate), closeRate: pct(r.closeRate), breachRate: pct(b?.rate), maturity: date(r.maturityDate, lang) };
  const renewed = r.renewals?.length ?? 0;
  // An early close after maturity is one inside an auto-renewal: the term kept its rate.
  const inRenewal = renewed > 0 && r.closeDate > r.maturityDate;
  const lines = [];
  const term = () => t(b ? `outcomeRate_breach_${b.effect}` : 'outcomeRate_contract', vars);
  if (r.closure === 'maturity') {
    lines.push({ key: 'rate', text: term() });
  } else if (r.closure === 'overdue') {
    lines.push({ key: 'rate', text: `${term()} ${t(renewed ? 'outcomeRate_overdueRenewed' : 'outcomeRate_overdue', vars)}` });
  } else if (r.closure === 'early' && inRenewal) {
    lines.push({ key: 'rate', text: `${term()} ${t('outcomeRate_earlyInRenewal', vars)}` });
  } else {
    lines.push({ key: 'rate', text: t(`outcomeRate_${r.closure}`, vars) });
  }
  if (renewed && !inRenewal) {
    lines.push({ key: 'renewal', text: t('outcomeRenewed', { n: renewed, rate: pct(r.renewals[0].rate), date: date(r.renewals[0].start, lang) }) });
  }
  if (b) {
    lines.push({ key: 'breach', text: t('breach', { n: b.installment, date: date(b.date, lang),
      trigger: t(`trigger_${b.trigger}`), effect: t(`effect_${b.effect}`) }) });
  } else if (exceptions || r.closure !== 'maturity') {
    lines.push({ key: 'breach', text: t('outcomeNoBreach') });
  }
  return lines;
}
