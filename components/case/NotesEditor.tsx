// The user's own note for one order, saved to `local:caseNotes` when they press Save.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../utils/i18n';
import { MAX_NOTE_CHARS } from '../../utils/case/notes';

export interface NotesEditorProps {
  orderId: string;
  value: string;
  onSave: (text: string) => Promise<void>;
}

export function NotesEditor({ orderId, value, onSave }: NotesEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const [status, setStatus] = useState('');
  // another tab saved a note: show it unless the user is typing here
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setText(value);
  }, [value, dirty]);

  const save = async () => {
    try {
      await onSave(text);
      setDirty(false);
      setStatus(t('notes.saved'));
    } catch (e) {
      setStatus(t('notes.error', { error: String((e as Error)?.message ?? e) }));
    }
  };

  return (
    <div className="ap-notes">
      <label htmlFor={id}>{t('notes.label', { id: orderId })}</label>
      <textarea
        id={id}
        value={text}
        maxLength={MAX_NOTE_CHARS}
        rows={5}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
          setStatus('');
        }}
      />
      <div className="ap-row">
        <button type="button" className="ap-button" onClick={() => void save()}>
          {t('notes.save')}
        </button>
        <span role="status" aria-live="polite" className="ap-hint">
          {status}
        </span>
      </div>
    </div>
  );
}
