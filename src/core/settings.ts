// The settings the engine runs with: the teacher's saved ones, else sensible defaults for today.
import { defaultSettings } from './default-settings';
import type { ManagedPolicy } from './managed-policy';
import type { Settings } from './types';

/** The local calendar date of an epoch-ms moment, as ISO `YYYY-MM-DD`. */
export function isoDateOf(moment: number): string {
  const d = new Date(moment);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The settings in force: the school's policy over the teacher's choices over the defaults for today.
 * What is set wins; what is not set is defaulted.
 */
export function effectiveSettings(stored: Partial<Settings> | undefined, now: number, policy: ManagedPolicy = {}): Settings {
  const defaults = defaultSettings(isoDateOf(now));
  return {
    calendar: policy.calendar ?? stored?.calendar ?? defaults.calendar,
    thresholds: { ...defaults.thresholds, ...stored?.thresholds, ...policy.thresholds },
    signature: stored?.signature ?? defaults.signature,
    ...(stored?.templateOverrides ? { templateOverrides: stored.templateOverrides } : {}),
  };
}

/**
 * How far back grade events and overall grades are loaded for the engine. Its rules look at the last
 * few weeks (recent drops, made-up work, follow-ups); the latest cells carry the rest of the record.
 */
export const ENGINE_LOOKBACK_DAYS = 120;
