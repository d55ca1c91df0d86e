// Backup (one file), restore (checked completely before anything is written) and delete all data
// (two steps: open, then type the confirmation word).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../utils/i18n';
import type { RestoreError, RestoreReport, Skipped } from '../../utils/backup/restore';
import { BACKUP_REMINDER_DAYS } from '../../utils/backup/state';
import type { BackupCheck, BackupInfo, BackupOutcome, SettingsData } from './api';
import { formatBytes, formatTime } from './format';

const MAX_SKIPPED_SHOWN = 20;
const EVIDENCE_SKIPS = new Set(['sameEvidence', 'sameFile', 'idTaken', 'originalMissing', 'newerEvidence']);

export function DataSection({ data, orders, onChanged }: { data: SettingsData; orders: number; onChanged: () => void }) {
  const { t } = useI18n();
  const h = useId();
  const [info, setInfo] = useState<BackupInfo>();
  const refresh = useCallback(() => {
    data.backupInfo().then(setInfo, () => setInfo(undefined));
  }, [data]);
  useEffect(refresh, [refresh]);
  const changed = () => {
    refresh();
    onChanged();
  };

  return (
    <section className="op-section" id="data" aria-labelledby={h}>
      <h2 id={h}>{t('data.title')}</h2>
      <p>{t('data.intro')}</p>
      <BackupPart data={data} info={info} onDone={changed} />
      <RestorePart data={data} onDone={changed} />
      <DeletePart data={data} evidence={info?.evidence ?? 0} orders={orders} onDone={changed} />
    </section>
  );
}

function BackupPart({ data, info, onDone }: { data: SettingsData; info?: BackupInfo; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BackupOutcome>();
  const [error, setError] = useState<string>();
  const backup = async () => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await data.backup());
      onDone();
    } catch (e) {
      setError(t('data.backupFailed', { error: String((e as Error)?.message ?? e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="op-part">
      {info?.need && (
        <p className="op-warning" role="note">
          {t('data.backupNeeded', { n: info.need.count, days: BACKUP_REMINDER_DAYS, date: { date: info.need.oldest.slice(0, 10) } })}
        </p>
      )}
      {info && (
        <p>
          {info.lastBackupAt ? t('data.lastBackup', { time: formatTime(info.lastBackupAt, lang) }) : t('data.noBackup')}{' '}
          {info.notBackedUp > 0 ? t('data.notBackedUp', { n: info.notBackedUp }) : info.evidence > 0 ? t('data.allBackedUp') : ''}
        </p>
      )}
      <button type="button" onClick={() => void backup()} disabled={busy} aria-busy={busy}>
        {t('data.backup')}
      </button>
      <div role="status" className="op-status">
        {busy && t('data.backingUp')}
        {done && (
          <>
            <p data-backup-result="saved">
              {t('data.backedUp', { file: done.fileName, orders: done.orders, n: done.evidence, size: formatBytes(done.bytes) })}
            </p>
            {done.left.length > 0 && (
              <ul>
                {done.left.map((l) => (
                  <li key={l.what}>{t('data.backupLeft', { what: l.what, why: l.why })}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {error && (
        <p className="op-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function RestorePart({ data, onDone }: { data: SettingsData; onDone: () => void }) {
  const { t, lang } = useI18n();
  const ids = { h: useId(), file: useId() };
  const [file, setFile] = useState<Uint8Array>();
  const [stage, setStage] = useState<'idle' | 'checking' | 'ready' | 'restoring' | 'done' | 'refused'>('idle');
  const [check, setCheck] = useState<BackupCheck>();
  const [report, setReport] = useState<RestoreReport>();
  const [error, setError] = useState<RestoreError>();
  const input = useRef<HTMLInputElement>(null);

  const choose = async (f: File | undefined) => {
    setReport(undefined);
    setError(undefined);
    setCheck(undefined);
    if (!f) return setStage('idle');
    setStage('checking');
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const result = await data.check(bytes);
      setCheck(result);
      if (result.ok) {
        setFile(bytes);
        setStage('ready');
      } else {
        setError(result.error);
        setStage('refused');
      }
    } catch (e) {
      setError({ code: 'notZip', detail: String((e as Error)?.message ?? e) });
      setStage('refused');
    }
  };

  const restore = async () => {
    if (!file) return;
    setStage('restoring');
    try {
      const r = await data.restore(file);
      setReport(r);
      if (r.ok) {
        setStage('done');
        onDone();
      } else {
        setError(r.error);
        setStage('refused');
      }
    } catch (e) {
      setError({ code: 'writeFailed', detail: String((e as Error)?.message ?? e) });
      setStage('refused');
    } finally {
      setFile(undefined);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="op-part" role="group" aria-labelledby={ids.h}>
      <h3 id={ids.h}>{t('restore.title')}</h3>
      <p>{t('restore.intro')}</p>
      <div className="op-field">
        <label htmlFor={ids.file}>{t('restore.file')}</label>
        <input
          ref={input}
          id={ids.file}
          type="file"
          accept=".zip,application/zip"
          disabled={stage === 'checking' || stage === 'restoring'}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      <div role="status" className="op-status">
        {stage === 'checking' && t('restore.checking')}
        {stage === 'restoring' && t('restore.restoring')}
        {stage === 'ready' && check?.ok && <p>{t('restore.ready', { time: formatTime(check.createdAt, lang), orders: check.orders, n: check.evidence })}</p>}
        {stage === 'done' && report?.ok && <RestoreDone report={report} />}
      </div>
      {stage === 'ready' && (
        <button type="button" onClick={() => void restore()}>
          {t('restore.confirm')}
        </button>
      )}
      {stage === 'refused' && error && <Refused error={error} />}
    </div>
  );
}

function Refused({ error }: { error: RestoreError }) {
  const { t } = useI18n();
  const key = `restore.error.${error.code}` as MessageKey;
  return (
    <div className="op-error" role="alert" data-restore-result="refused" data-restore-code={error.code}>
      <p>{t('restore.refused', { reason: { key, vars: { path: error.path ?? '' } } })}</p>
      {error.detail && <p className="op-hint">{t('restore.detail', { detail: error.detail })}</p>}
    </div>
  );
}

function RestoreDone({ report }: { report: Extract<RestoreReport, { ok: true }> }) {
  const { t } = useI18n();
  const s = report.summary;
  const what = (k: Skipped) => (EVIDENCE_SKIPS.has(k.code) ? t('restore.what.evidence', { id: k.what }) : t('restore.what.item', { name: k.what }));
  const shown = report.skipped.slice(0, MAX_SKIPPED_SHOWN);
  return (
    <div data-restore-result="restored">
      <p>{t('restore.done', { added: s.ordersAdded, merged: s.ordersMerged, n: s.evidenceAdded, size: formatBytes(s.evidenceBytes) })}</p>
      {s.settingsRestored && <p>{t('restore.settingsRestored')}</p>}
      {report.skipped.length > 0 && (
        <>
          <h4>{t('restore.skippedTitle')}</h4>
          <ul>
            {shown.map((k, i) => (
              <li key={`${k.code}:${k.what}:${i}`}>
                {t('restore.skipped', { what: what(k), why: { key: `restore.skip.${k.code}` as MessageKey, vars: { detail: k.detail ?? '' } } })}
              </li>
            ))}
          </ul>
          {report.skipped.length > shown.length && <p>{t('restore.moreSkipped', { n: report.skipped.length - shown.length })}</p>}
        </>
      )}
    </div>
  );
}

function DeletePart({ data, evidence, orders, onDone }: { data: SettingsData; evidence: number; orders: number; onDone: () => void }) {
  const { t } = useI18n();
  const ids = { h: useId(), word: useId(), warn: useId() };
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const field = useRef<HTMLInputElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const word = t('delete.word');
  const wasOpen = useRef(false);
  useEffect(() => {
    // keyboard users land in the field when it opens, and back on the button when it closes
    if (open) field.current?.focus();
    else if (wasOpen.current) startButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setOpen(false);
    setTyped('');
  };
  const confirm = async () => {
    if (typed.trim() !== word) return;
    setBusy(true);
    try {
      await data.deleteAll();
      setResult({ ok: true, text: t('delete.done') });
      setOpen(false);
      setTyped('');
      onDone();
    } catch (e) {
      setResult({ ok: false, text: t('delete.failed', { error: String((e as Error)?.message ?? e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="op-part" role="group" aria-labelledby={ids.h}>
      <h3 id={ids.h}>{t('delete.title')}</h3>
      <p>{t('delete.intro')}</p>
      {!open && (
        <button ref={startButton} type="button" className="op-danger" onClick={() => (setResult(undefined), setOpen(true))}>
          {t('delete.start')}
        </button>
      )}
      {open && (
        <form
          className="op-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p className="op-warning" id={ids.warn}>
            {t('delete.warning', { n: evidence, orders })}
          </p>
          <label htmlFor={ids.word}>{t('delete.typeLabel', { word })}</label>
          <input
            ref={field}
            id={ids.word}
            type="text"
            autoComplete="off"
            aria-describedby={ids.warn}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <div className="op-row">
            <button type="submit" className="op-danger" disabled={busy || typed.trim() !== word}>
              {t('delete.confirm')}
            </button>
            <button type="button" onClick={close}>
              {t('delete.cancel')}
            </button>
          </div>
          {busy && <p role="status">{t('delete.deleting')}</p>}
        </form>
      )}
      {result && (
        <p className={result.ok ? 'op-status' : 'op-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
