// The overall grade over time as a small line chart, with the report dates marked, so the teacher sees
// the slide (or the recovery) and how far the next report is.
import type { OverallGrade } from '../core/types';
import { t } from '../ui/i18n';

export interface TrendChartProps {
  series: OverallGrade[];
  /** ISO dates */
  reportDates: string[];
  width?: number;
  height?: number;
}

const dayOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};

export function TrendChart({ series, reportDates, width = 360, height = 90 }: TrendChartProps) {
  const points = series.filter((o): o is OverallGrade & { percent: number } => o.percent !== undefined).sort((a, b) => a.observedAt - b.observedAt);
  if (points.length < 2) return <p class="empty">{t('noTrend')}</p>;
  const first = points[0]!.observedAt;
  const last = points.at(-1)!.observedAt;
  const reports = reportDates.map(dayOf).filter((d) => d >= first && d <= last + 60 * 86_400_000);
  const end = Math.max(last, ...reports);
  const low = Math.min(50, ...points.map((p) => p.percent));
  const high = Math.max(100, ...points.map((p) => p.percent));
  const pad = 6;
  const x = (ms: number) => pad + ((ms - first) / Math.max(1, end - first)) * (width - 2 * pad);
  const y = (pct: number) => pad + ((high - pct) / (high - low)) * (height - 2 * pad);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.observedAt).toFixed(1)},${y(p.percent).toFixed(1)}`).join(' ');
  const label = t('trendLabel', { first: `${points[0]!.percent}%`, last: `${points.at(-1)!.percent}%` });
  return (
    <svg class="trend" role="img" aria-label={label} data-testid="trend-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <line class="line-70" x1={pad} x2={width - pad} y1={y(70)} y2={y(70)} />
      {reports.map((d) => (
        <line key={d} class="report" x1={x(d)} x2={x(d)} y1={pad} y2={height - pad} />
      ))}
      <path class="series" d={path} />
      {points.map((p) => (
        <circle key={p.observedAt} cx={x(p.observedAt)} cy={y(p.percent)} r={2.5} />
      ))}
    </svg>
  );
}
