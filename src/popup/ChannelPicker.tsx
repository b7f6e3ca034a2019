import type { Channel } from '../core/types';
import { t } from '../ui/i18n';

const OPTIONS: Array<[Channel, string]> = [
  ['email', 'channelEmailOption'],
  ['text', 'channelTextOption'],
  ['phone', 'channelPhoneOption'],
];

export function ChannelPicker({ value, onChange }: { value: Channel; onChange: (channel: Channel) => void }) {
  return (
    <fieldset class="choice inline-choice" data-testid="channel-picker">
      <legend>{t('channelLabel')}</legend>
      {OPTIONS.map(([channel, key]) => (
        <label key={channel}>
          <input type="radio" name="channel" value={channel} checked={value === channel} onChange={() => onChange(channel)} />
          {t(key)}
        </label>
      ))}
    </fieldset>
  );
}
