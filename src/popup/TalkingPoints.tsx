import type { Draft } from '../core/proposal-types';
import { t } from '../ui/i18n';

export function TalkingPoints({ points }: { points: NonNullable<Draft['talkingPoints']> }) {
  return (
    <section class="talking-points" data-testid="talking-points" aria-labelledby="tp-heading">
      <h3 id="tp-heading">{t('talkingPointsHeading')}</h3>
      <dl>
        <dt>{t('tpOpening')}</dt>
        <dd>{points.opening}</dd>
        <dt>{t('tpSpecifics')}</dt>
        <dd>
          <ul>
            {points.specifics.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('tpQuestion')}</dt>
        <dd>{points.question}</dd>
        <dt>{t('tpNextStep')}</dt>
        <dd>{points.nextStep}</dd>
      </dl>
    </section>
  );
}
