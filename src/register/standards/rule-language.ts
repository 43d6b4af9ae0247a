/**
 * The language in which an award's standard (tiêu chuẩn) is written, and its evaluation over a register.
 *
 * A standard is a list of criteria; each criterion is a rule and a severity (`blocking`: an unmet criterion
 * refuses the submission; `warning`: the Board may accept it with a written reason). Rules are JSON, stored in
 * the award's policy version, so a new decree is a new policy version, not new code:
 *
 * - `{ "holds": { "codes": ["GRASSROOTS_EMULATION_FIGHTER"], "times": 3, "consecutive": true } }`:
 *   holds one of the codes in at least `times` years in a row, the run ending in the end year (the nomination's
 *   year less `endingAt`, default 0) or up to `endingWithin` years before it.
 * - `{ "holds": { "codes": [...], "times": 2, "window": 5 } }`: in at least `times` distinct years among the
 *   `window` years ending at the end year (no window: any year up to the end year).
 * - `{ "holdsThen": { "codes": ["PM_CERTIFICATE"], "then": { "codes": ["EXCELLENT_COMPLETION"], "years": 5 } } }`:
 *   holds one of `codes` in some year y, and one of `then.codes` in each of the `years` years after y, all by the
 *   end year.
 * - `{ "all": [rule, ...] }`, `{ "any": [rule, ...] }`: every one, at least one.
 * - `{ "except": rule }`: met when the inner rule is not (an exception: "not disciplined in the period").
 *
 * Only entries in force count: a revoked entry is kept in the register and never counts. Without `except`, the
 * language is monotone: adding an entry never turns a met rule into an unmet one (a property test checks it).
 */

export interface HoldsRule {
  holds: {
    codes: string[];
    times?: number;
    consecutive?: boolean;
    window?: number;
    endingAt?: number;
    endingWithin?: number;
  };
}

export interface HoldsThenRule {
  holdsThen: { codes: string[]; then: { codes: string[]; years: number }; endingAt?: number };
}

export type Rule = HoldsRule | HoldsThenRule | { all: Rule[] } | { any: Rule[] } | { except: Rule };

export type Severity = 'blocking' | 'warning';

export interface Criterion {
  key: string;
  label: { vi: string; en: string };
  severity: Severity;
  rule: Rule;
}

/** An award's standard per nominee kind, and whether its numbers were checked against the text of the law. */
export interface Standard {
  individual?: Criterion[];
  collective?: Criterion[];
  verified: boolean;
}

/** What the evaluator needs of a register entry. */
export interface EntryFact {
  id: string;
  code: string;
  year: number;
  revoked: boolean;
}

export interface RuleOutcome {
  met: boolean;
  /** The entries the verdict rests on: those that satisfied the rule, or, when unmet, those that came closest. */
  evidence: string[];
}

export interface CriterionOutcome {
  key: string;
  label: { vi: string; en: string };
  severity: Severity;
  met: boolean;
  evidence: string[];
}

const MAX_DEPTH = 6;
const MAX_YEARS = 50;
const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** Every problem with a rule, as readable paths ("all[1].holds.times: …"); empty when the rule is valid. */
export function ruleProblems(rule: unknown, path = 'rule', depth = 0): string[] {
  if (depth > MAX_DEPTH) return [`${path}: nested deeper than ${MAX_DEPTH} levels`];
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return [`${path}: must be an object`];
  const keys = Object.keys(rule);
  if (keys.length !== 1) return [`${path}: must have exactly one of holds, holdsThen, all, any, except`];
  const [key] = keys;
  const body = (rule as Record<string, unknown>)[key];
  const problems: string[] = [];
  const codes = (value: unknown, at: string) => {
    if (!Array.isArray(value) || value.length === 0 || value.length > 20)
      problems.push(`${at}: must list 1 to 20 codes`);
    else if (!value.every((c) => typeof c === 'string' && CODE.test(c)))
      problems.push(`${at}: codes are upper-case identifiers`);
  };
  const count = (value: unknown, at: string, optional: boolean, min = 1) => {
    if (value === undefined && optional) return;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > MAX_YEARS)
      problems.push(`${at}: must be a whole number from ${min} to ${MAX_YEARS}`);
  };
  const only = (value: Record<string, unknown>, allowed: string[], at: string) => {
    for (const k of Object.keys(value)) if (!allowed.includes(k)) problems.push(`${at}.${k}: not allowed`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  switch (key) {
    case 'holds': {
      if (!isObject(body)) return [`${path}.holds: must be an object`];
      only(body, ['codes', 'times', 'consecutive', 'window', 'endingAt', 'endingWithin'], `${path}.holds`);
      codes(body.codes, `${path}.holds.codes`);
      count(body.times, `${path}.holds.times`, true);
      count(body.window, `${path}.holds.window`, true);
      count(body.endingAt, `${path}.holds.endingAt`, true, 0);
      count(body.endingWithin, `${path}.holds.endingWithin`, true, 0);
      if (body.consecutive !== undefined && typeof body.consecutive !== 'boolean')
        problems.push(`${path}.holds.consecutive: must be true or false`);
      if (body.consecutive === true && body.window !== undefined)
        problems.push(`${path}.holds: a consecutive run takes endingWithin, not window`);
      return problems;
    }
    case 'holdsThen': {
      if (!isObject(body)) return [`${path}.holdsThen: must be an object`];
      only(body, ['codes', 'then', 'endingAt'], `${path}.holdsThen`);
      codes(body.codes, `${path}.holdsThen.codes`);
      count(body.endingAt, `${path}.holdsThen.endingAt`, true, 0);
      if (!isObject(body.then)) problems.push(`${path}.holdsThen.then: must be an object`);
      else {
        only(body.then, ['codes', 'years'], `${path}.holdsThen.then`);
        codes(body.then.codes, `${path}.holdsThen.then.codes`);
        count(body.then.years, `${path}.holdsThen.then.years`, false);
      }
      return problems;
    }
    case 'all':
    case 'any': {
      if (!Array.isArray(body) || body.length === 0 || body.length > 20)
        return [`${path}.${key}: must list 1 to 20 rules`];
      return body.flatMap((r, i) => ruleProblems(r, `${path}.${key}[${i}]`, depth + 1));
    }
    case 'except':
      return ruleProblems(body, `${path}.except`, depth + 1);
    default:
      return [`${path}: unknown rule ${key} (holds, holdsThen, all, any, except)`];
  }
}

/** Every problem with a standard; empty when valid. */
export function standardProblems(standard: unknown): string[] {
  if (typeof standard !== 'object' || standard === null || Array.isArray(standard))
    return ['standard: must be an object'];
  const s = standard as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of Object.keys(s))
    if (!['individual', 'collective', 'verified'].includes(k)) problems.push(`standard.${k}: not allowed`);
  if (typeof s.verified !== 'boolean') problems.push('standard.verified: must be true or false');
  for (const kind of ['individual', 'collective']) {
    const list = s[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length > 20) {
      problems.push(`standard.${kind}: must list at most 20 criteria`);
      continue;
    }
    const keys = new Set<string>();
    list.forEach((c: unknown, i) => {
      const at = `standard.${kind}[${i}]`;
      if (typeof c !== 'object' || c === null) return problems.push(`${at}: must be an object`);
      const criterion = c as Record<string, unknown>;
      for (const k of Object.keys(criterion))
        if (!['key', 'label', 'severity', 'rule'].includes(k)) problems.push(`${at}.${k}: not allowed`);
      if (typeof criterion.key !== 'string' || !/^[a-z][a-zA-Z0-9]{0,39}$/.test(criterion.key))
        problems.push(`${at}.key: a short camelCase name`);
      else if (keys.has(criterion.key)) problems.push(`${at}.key: listed twice`);
      else keys.add(criterion.key);
      const label = criterion.label as Record<string, unknown> | undefined;
      if (
        !label ||
        typeof label.vi !== 'string' ||
        typeof label.en !== 'string' ||
        !label.vi.trim() ||
        !label.en.trim() ||
        label.vi.length > 500 ||
        label.en.length > 500
      )
        problems.push(`${at}.label: needs vi and en texts (at most 500 characters)`);
      if (criterion.severity !== 'blocking' && criterion.severity !== 'warning')
        problems.push(`${at}.severity: blocking or warning`);
      problems.push(...ruleProblems(criterion.rule, `${at}.rule`));
    });
  }
  return problems;
}

/** Every code a rule cites (to check them against the catalogue). */
export function ruleCodes(rule: Rule): string[] {
  if ('holds' in rule) return rule.holds.codes;
  if ('holdsThen' in rule) return [...rule.holdsThen.codes, ...rule.holdsThen.then.codes];
  if ('all' in rule) return rule.all.flatMap(ruleCodes);
  if ('any' in rule) return rule.any.flatMap(ruleCodes);
  return ruleCodes(rule.except);
}

/** Entries in force with one of the codes, by year (the first entry of each year stands for it). */
function byYear(entries: EntryFact[], codes: string[]): Map<number, string> {
  const years = new Map<number, string>();
  const sorted = [...entries].sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  for (const e of sorted)
    if (!e.revoked && codes.includes(e.code) && !years.has(e.year)) years.set(e.year, e.id);
  return years;
}

/** Evaluates a rule for a nomination of `year` over the nominee's register. */
export function evaluateRule(rule: Rule, entries: EntryFact[], year: number): RuleOutcome {
  if ('all' in rule) {
    const parts = rule.all.map((r) => evaluateRule(r, entries, year));
    return { met: parts.every((p) => p.met), evidence: unique(parts.flatMap((p) => p.evidence)) };
  }
  if ('any' in rule) {
    const parts = rule.any.map((r) => evaluateRule(r, entries, year));
    const met = parts.find((p) => p.met);
    return met ? met : { met: false, evidence: unique(parts.flatMap((p) => p.evidence)) };
  }
  if ('except' in rule) {
    const inner = evaluateRule(rule.except, entries, year);
    return { met: !inner.met, evidence: inner.evidence };
  }
  if ('holds' in rule) return evaluateHolds(rule.holds, entries, year);
  return evaluateHoldsThen(rule.holdsThen, entries, year);
}

function evaluateHolds(h: HoldsRule['holds'], entries: EntryFact[], year: number): RuleOutcome {
  const end = year - (h.endingAt ?? 0);
  const times = h.times ?? 1;
  const years = byYear(entries, h.codes);
  if (h.consecutive) {
    // The longest run ending in [end - endingWithin, end]; runs are counted backwards from their last year.
    let best: string[] = [];
    for (let last = end; last >= end - (h.endingWithin ?? 0); last--) {
      const run: string[] = [];
      for (let y = last; years.has(y); y--) run.push(years.get(y)!);
      if (run.length >= times) return { met: true, evidence: run.slice(0, times).reverse() };
      if (run.length > best.length) best = run;
    }
    return { met: false, evidence: best.reverse() };
  }
  const from = h.window ? end - h.window + 1 : Number.NEGATIVE_INFINITY;
  const inWindow = [...years.entries()].filter(([y]) => y >= from && y <= end).sort((a, b) => b[0] - a[0]);
  const used = inWindow.slice(0, times).map(([, id]) => id);
  return { met: inWindow.length >= times, evidence: used.reverse() };
}

function evaluateHoldsThen(h: HoldsThenRule['holdsThen'], entries: EntryFact[], year: number): RuleOutcome {
  const end = year - (h.endingAt ?? 0);
  const base = byYear(entries, h.codes);
  const then = byYear(entries, h.then.codes);
  let best: string[] = [];
  // The latest qualifying base year first: its run of ratings is the one the officers would cite.
  for (const [y, id] of [...base.entries()].sort((a, b) => b[0] - a[0])) {
    if (y + h.then.years > end) {
      if (best.length === 0) best = [id];
      continue;
    }
    const run: string[] = [id];
    for (let k = 1; k <= h.then.years && then.has(y + k); k++) run.push(then.get(y + k)!);
    if (run.length === h.then.years + 1) return { met: true, evidence: run };
    if (run.length > best.length) best = run;
  }
  return { met: false, evidence: best };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Evaluates each criterion of a standard. */
export function evaluateCriteria(
  criteria: Criterion[],
  entries: EntryFact[],
  year: number,
): CriterionOutcome[] {
  return criteria.map((c) => {
    const outcome = evaluateRule(c.rule, entries, year);
    return { key: c.key, label: c.label, severity: c.severity, met: outcome.met, evidence: outcome.evidence };
  });
}
