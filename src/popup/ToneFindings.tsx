// The tone check's findings on the draft as it is now, each explained, with its rewrite one click away.
import type { Finding } from '../core/tone';
import { t } from '../ui/i18n';

export interface ToneFindingsProps {
  text: string;
  findings: Finding[];
  onApply: (finding: Finding) => void;
}

export function ToneFindings({ text, findings, onApply }: ToneFindingsProps) {
  return (
    <section class="tone" data-testid="tone-findings" aria-labelledby="tone-heading" aria-live="polite">
      <h3 id="tone-heading">{t('toneHeading')}</h3>
      {findings.length === 0 ? (
        <p class="empty">{t('toneClear')}</p>
      ) : (
        <ul>
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.start}-${i}`} data-testid="tone-finding" data-category={f.category}>
              {f.end > f.start && <q class="flagged">{text.slice(f.start, f.end)}</q>} {f.message}
              {f.suggestion !== undefined && (
                <button type="button" class="secondary small" onClick={() => onApply(f)}>
                  {t('toneApply', { suggestion: f.suggestion })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
