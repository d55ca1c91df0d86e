// Help: the five dispute steps and the Korean customer-service channels, both from the seed articles
// and marked as unverified.
import { useI18n } from '../utils/i18n';
import { CONTACTS, ESCALATE_KEY, HELP_STEPS, SEED_NOTE_KEY } from '../utils/advice/help';

export function Help({ headingLevel = 4 }: { headingLevel?: 3 | 4 }) {
  const { t } = useI18n();
  const H = `h${headingLevel}` as 'h3' | 'h4';
  return (
    <div className="ap-help">
      <H>{t(HELP_STEPS.titleKey)}</H>
      <ol className="ap-steps" data-seed={HELP_STEPS.seed}>
        {HELP_STEPS.steps.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ol>
      <H>{t(CONTACTS.titleKey)}</H>
      <ul className="ap-contacts" data-seed={CONTACTS.seed}>
        {CONTACTS.channels.map((c) => (
          <li key={c.id} data-channel={c.id}>
            {t(c.key)}
          </li>
        ))}
      </ul>
      <p className="ap-hint ap-unverified">{t(SEED_NOTE_KEY)}</p>
      <p className="ap-hint">{t(ESCALATE_KEY)}</p>
    </div>
  );
}
