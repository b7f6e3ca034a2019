// Why the engine's median lead differs from the baseline's: the two medians are taken over different
// students, so the figures here split them. For Fail/Withdrawn students flagged by both, the difference
// of first-flag days (engine − baseline) overall and by the engine's first reason; the students only one
// side flags; and how many of each side's flagged students were flagged on the first day anything showed
// in their row (the earliest any grade-based rule can see them).
import { type FlagDays, median } from './metrics';
import type { StudentOutcome } from './replay';

export interface DayDifferences {
  students: number;
  /** engine flagged on the same day as the baseline */
  sameDay: number;
  engineEarlier: number;
  engineLater: number;
  /** of the later ones, more than 20 days later (a later piece of work, not the same one) */
  engineLaterBy20: number;
  /** median of (engine − baseline) first-flag day, days */
  medianDifference: number;
}

export interface LeadAnalysis {
  /** Fail/Withdrawn students flagged by both rules */
  both: DayDifferences & { medianLeadEngine: number; medianLeadBaseline: number };
  /** the same, by the reason of the engine's first heads-up */
  bothByReason: Record<string, DayDifferences>;
  /** Fail/Withdrawn students only the engine flags, and their median lead */
  engineOnly: { students: number; medianLead: number; withNoScore: number };
  /** Fail/Withdrawn students only the baseline flags */
  baselineOnly: { students: number; medianLead: number };
  /** of each side's flagged Fail/Withdrawn students, how many were flagged on their row's first day */
  atFirstEntry: { engine: number; engineFlagged: number; baseline: number; baselineFlagged: number };
}

function differences(diffs: readonly number[]): DayDifferences {
  return {
    students: diffs.length,
    sameDay: diffs.filter((d) => d === 0).length,
    engineEarlier: diffs.filter((d) => d < 0).length,
    engineLater: diffs.filter((d) => d > 0).length,
    engineLaterBy20: diffs.filter((d) => d > 20).length,
    medianDifference: median(diffs),
  };
}

export function leadAnalysis(outcomes: readonly StudentOutcome[], baselineFlags: FlagDays): LeadAnalysis {
  const diffs: number[] = [];
  const byReason = new Map<string, number[]>();
  const leads = { engine: [] as number[], baseline: [] as number[], engineOnly: [] as number[], baselineOnly: [] as number[] };
  let engineOnlyWithNoScore = 0;
  const atFirst = { engine: 0, engineFlagged: 0, baseline: 0, baselineFlagged: 0 };
  outcomes.forEach((o, i) => {
    if (o.unflaggable || !o.bad) return;
    const engine = o.engineFlagDay;
    const baseline = baselineFlags[i];
    if (engine !== undefined) {
      atFirst.engineFlagged++;
      if (engine === o.firstEntryDay) atFirst.engine++;
    }
    if (baseline !== undefined) {
      atFirst.baselineFlagged++;
      if (baseline === o.firstEntryDay) atFirst.baseline++;
    }
    if (engine !== undefined && baseline !== undefined) {
      diffs.push(engine - baseline);
      const list = byReason.get(o.engineFlagReason ?? '') ?? [];
      list.push(engine - baseline);
      byReason.set(o.engineFlagReason ?? '', list);
      leads.engine.push(o.horizon - engine);
      leads.baseline.push(o.horizon - baseline);
    } else if (engine !== undefined) {
      leads.engineOnly.push(o.horizon - engine);
      if (!o.grades.some((g) => g.scored !== undefined)) engineOnlyWithNoScore++;
    } else if (baseline !== undefined) leads.baselineOnly.push(o.horizon - baseline);
  });
  return {
    both: { ...differences(diffs), medianLeadEngine: median(leads.engine), medianLeadBaseline: median(leads.baseline) },
    bothByReason: Object.fromEntries([...byReason].sort(([a], [b]) => a.localeCompare(b)).map(([r, d]) => [r, differences(d)])),
    engineOnly: { students: leads.engineOnly.length, medianLead: median(leads.engineOnly), withNoScore: engineOnlyWithNoScore },
    baselineOnly: { students: leads.baselineOnly.length, medianLead: median(leads.baselineOnly) },
    atFirstEntry: atFirst,
  };
}
