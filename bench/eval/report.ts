// The evaluation as Markdown: engine and baseline side by side, per module-presentation and overall.
import type { EvaluationDetails } from './main';
import type { Figures } from './metrics';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(heads: string[], rows: (string | number)[][]): string {
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => `| ${cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [line(heads), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const sideCells = (f: Figures) => [f.alerts, pct(f.recall), pct(f.precision), f.medianLeadDays];

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
    `Positives: ${p.withPositive} of ${p.students} students (${pct(p.share)}) received at least one positive proposal ` +
      `(${reasons}); positives proposed while a concern was open: ${p.coincidingWithConcern}.`,
    '',
    `Data: Kuzilek J., Hlosta M., Zdrahal Z. Open University Learning Analytics dataset. Scientific Data 4, 170171 (2017), CC BY 4.0. ` +
      `Replayed in ${d.seconds.toFixed(1)} s.`,
  ].join('\n');
}
