// The tone check: a message in → findings out, each explained, with a rewrite where one exists. Runs
// as the teacher types (pure, synchronous) and from `npm run tone`. Rules are data, one file per
// language (rules-en.ts, rules-es.ts); adding a language = one rules file + one line in TONE_RULES.
import { complimentSandwich, missingPieces, readingLevelFindings, scareQuotes, shouting, tooLong } from './structure-checks';
import { matchesOf, sentencesOf, wordPattern } from './text-units';
import { toneRulesEn } from './rules-en';
import { toneRulesEs } from './rules-es';
import type { Finding, ToneInput, ToneRules, WordRule } from './types';

export type { Finding, ToneCategory, ToneInput, ToneRules, WordRule } from './types';
export { TONE_CATEGORIES } from './types';

/** Rule tables by language, the fallback first. */
export const TONE_RULES: readonly ToneRules[] = [toneRulesEn, toneRulesEs];

/** The rules for a BCP 47 tag: exact, else the base language, else English. */
export function toneRulesFor(language: string): ToneRules {
  const wanted = language.trim().toLowerCase();
  const base = wanted.split(/[-_]/)[0];
  return TONE_RULES.find((r) => r.language === wanted) ?? TONE_RULES.find((r) => r.language === base) ?? TONE_RULES[0]!;
}

/** The rewrite for one match: per phrase or for all, with the match's leading capital kept. */
function suggestionFor(rule: WordRule, matched: string): string | undefined {
  const raw = typeof rule.suggestion === 'string' ? rule.suggestion : rule.suggestion?.[matched.toLowerCase().replace(/’/g, "'")];
  if (raw === undefined || raw === '') return raw;
  const first = matched[0]!;
  const capitalised = first !== first.toLowerCase() && matched !== matched.toUpperCase();
  return capitalised ? raw[0]!.toUpperCase() + raw.slice(1) : raw;
}

function wordRuleFindings(text: string, rules: ToneRules): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules.wordRules) {
    for (const m of matchesOf(text, wordPattern(rule.patterns))) {
      const suggestion = suggestionFor(rule, m.text);
      // Deleting a word ("obviously") also takes the space after it.
      const end = suggestion === '' ? m.end + (/^[,]?\s/.exec(text.slice(m.end))?.[0].length ?? 0) : m.end;
      findings.push({ category: rule.category, rule: rule.rule, start: m.start, end, message: rule.message, ...(suggestion === undefined ? {} : { suggestion }) });
    }
  }
  return findings;
}

/** Within one category, a span inside another flagged span is the same finding: keep the longer. */
function dropNested(findings: Finding[]): Finding[] {
  return findings.filter(
    (f, i) =>
      f.start === f.end ||
      !findings.some(
        (g, j) => j !== i && g.category === f.category && g.start <= f.start && g.end >= f.end && (g.end - g.start > f.end - f.start || j < i),
      ),
  );
}

/** Every finding for the message, in text order. */
export function checkTone(input: ToneInput): Finding[] {
  const rules = toneRulesFor(input.language);
  const sentences = sentencesOf(input.text, input.language, rules.abbreviations);
  const findings = [
    ...wordRuleFindings(input.text, rules),
    ...scareQuotes(input),
    ...shouting(input, rules),
    ...complimentSandwich(input, rules, sentences),
    ...missingPieces(input, rules),
    ...tooLong(input),
    ...readingLevelFindings(input, rules),
  ];
  return dropNested(findings).sort((a, b) => a.start - b.start || a.end - b.end || a.category.localeCompare(b.category));
}
