// The evaluation as Markdown: engine and baseline side by side, per module-presentation and overall.
import type { LeadAnalysis } from './lead-analysis';
import type { EvaluationDetails } from './main';
import type { Figures } from './metrics';
import type { Comparison, CurvePoint, HoldOutRow } from './sweep';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(heads: string[], rows: (string | number)[][]): string {
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => `| ${cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [line(heads), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const sideCells = (f: Figures) => [f.alerts, pct(f.recall), pct(f.precision), f.medianLeadDays];

/** Why the medians differ (see lead-analysis.ts), in a few sentences. */
function leadNotes(a: LeadAnalysis, threshold: number): string[] {
  const b = a.both;
  const reasons = Object.entries(a.bothByReason)
    .map(([r, x]) => `${r} ${x.students} (same day ${x.sameDay}, earlier ${x.engineEarlier}, later ${x.engineLater}, median ${x.medianDifference})`)
    .join('; ');
  const f = a.atFirstEntry;
  return [
    '### Why the leads differ',
    '',
    `Fail/Withdrawn students flagged by both the engine and "grade < ${threshold}": ${b.students}. Engine's first flag − baseline's, in days: ` +
      `same day ${b.sameDay}, engine earlier ${b.engineEarlier}, engine later ${b.engineLater} (of which more than 20 days later ${b.engineLaterBy20}); ` +
      `median ${b.medianDifference}. Their median leads: engine ${b.medianLeadEngine}, baseline ${b.medianLeadBaseline}.`,
    `By the engine's first reason: ${reasons}.`,
    `Only the engine flags ${a.engineOnly.students} (median lead ${a.engineOnly.medianLead}; ${a.engineOnly.withNoScore} of them had no score by their horizon); ` +
      `only the baseline flags ${a.baselineOnly.students} (median lead ${a.baselineOnly.medianLead}).`,
    `Flagged on the first day anything showed in their row: engine ${f.engine} of ${f.engineFlagged}, baseline ${f.baseline} of ${f.baselineFlagged}.`,
  ];
}

const comparisonCells = (c: Comparison) => [
  c.engine.alerts,
  pct(c.engine.recall),
  pct(c.engine.precision),
  c.engine.medianLeadDays,
  c.threshold,
  pct(c.baseline.recall),
  pct(c.baseline.precision),
  c.baseline.medianLeadDays,
];
const comparisonHeads = ['alerts', 'engine recall', 'precision', 'lead', 'baseline T', 'baseline recall', 'precision', 'lead'];

function sweepNotes(curve: CurvePoint[], rows: HoldOutRow[]): string[] {
  return [
    '### The engine along its low-grade line, each against the baseline at its alert count',
    '',
    table(['low-grade line', ...comparisonHeads], curve.map((p) => [p.lowGrade, ...comparisonCells(p)])),
    '',
    '### Leave-modules-out: the line chosen on the other modules, reported on the held-out one',
    '',
    table(
      ['held out', 'line (met goal on fit?)', ...comparisonHeads, 'at default: lead engine / baseline'],
      rows.map((r) => [
        r.heldOut,
        `${r.chosenLowGrade} (${r.metOnFit ? 'yes' : 'no'})`,
        ...comparisonCells(r.test),
        r.testAtDefault ? `${r.testAtDefault.engine.medianLeadDays} / ${r.testAtDefault.baseline.medianLeadDays}` : '',
      ]),
    ),
  ];
}

export function markdownReport(d: EvaluationDetails): string {
  const modules = Object.keys(d.engine.perModule);
  const rows = [
    ...modules.map((m) => [m, d.engine.perModule[m]!.totalBad, ...sideCells(d.engine.perModule[m]!), ...sideCells(d.baseline.perModule[m]!)]),
    ['**overall**', d.engine.totalBad, ...sideCells(d.engine), ...sideCells(d.baseline)],
  ];
  const heads = ['module', 'Fail+Withdrawn', 'engine alerts', 'recall', 'precision', 'lead (days)', `grade < ${d.baselineThreshold} alerts`, 'recall', 'precision', 'lead (days)'];
  const compare = table(
    ['rule (overall)', 'alerts', 'flagged F/W', 'recall', 'precision', 'median lead (days)'],
    [
      ['engine', d.engine.alerts, d.engine.flaggedBad, pct(d.engine.recall), pct(d.engine.precision), d.engine.medianLeadDays],
      [`grade over scored work < ${d.baselineThreshold}`, d.baseline.alerts, d.baseline.flaggedBad, pct(d.baseline.recall), pct(d.baseline.precision), d.baseline.medianLeadDays],
      [
        `grade with missing as zero < ${d.baselineWithZerosThreshold}`,
        d.baselineWithZeros.alerts,
        d.baselineWithZeros.flaggedBad,
        pct(d.baselineWithZeros.recall),
        pct(d.baselineWithZeros.precision),
        d.baselineWithZeros.medianLeadDays,
      ],
    ],
  );
  const firstFlags = Object.entries(d.firstFlags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, f]) => `${reason} ${f.alerts} (${pct(f.flaggedBad / f.alerts)} ended Fail/Withdrawn)`)
    .join(', ');
  const p = d.positives;
  const reasons = Object.entries(p.byReason).map(([r, n]) => `${r} ${n}`).join(', ') || 'none';
  return [
    '## Early warning on real course data (OULAD), replayed day by day',
    '',
    `${d.students} students; a flag counts when raised by the midpoint (or the withdrawal day, if earlier). ` +
      `Fail+Withdrawn excludes the ${d.unflaggableBad} who withdrew on or before the first due day (no grade can flag them). ` +
      `Baseline: "current grade below T", the grade over scored work as the gradebook shows it, T matched to the engine's alert count.`,
    '',
    table(heads, rows),
    '',
    'The same baseline, and a stronger one that counts missing work as zero, each at the engine’s alert count:',
    '',
    compare,
    '',
    `The engine's first heads-up per student, by reason: ${firstFlags}.`,
    '',
    ...leadNotes(d.lead, d.baselineThreshold),
    '',
    ...(d.curve && d.holdOut ? [...sweepNotes(d.curve, d.holdOut), ''] : []),
    `Positives: ${p.withPositive} of ${p.students} students (${pct(p.share)}) received at least one positive proposal ` +
      `(${reasons}); positives proposed while a concern was open: ${p.coincidingWithConcern}.`,
    '',
    `Data: Kuzilek J., Hlosta M., Zdrahal Z. Open University Learning Analytics dataset. Scientific Data 4, 170171 (2017), CC BY 4.0. ` +
      `Replayed in ${d.seconds.toFixed(1)} s.`,
  ].join('\n');
}
