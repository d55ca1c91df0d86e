// The case page (case.html): the list of every order, or one order's case when the address names it
// (case.html#order=<id>). Reads the same storage-backed stores as the sidebar, so a fact fixed here
// changes every badge at once.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { languageStore, setLanguageSetting, useI18n } from '../../utils/i18n';
import {
  stores as defaultStores,
  useCases,
  useChecklists,
  useEffectiveOrders,
  useMirror,
  useNow,
  useSettings,
  useStartedStores,
  type AliProofStores,
} from '../../utils/store/stores';
import { orderFromHash } from '../../utils/case/url';
import type { Send } from '../../utils/evidence/client';
import type { ExportOptions } from '../../utils/bundle/collect';
import type { BundleResult } from '../../utils/bundle/build';
import { caseMirrors, type CaseMirrors } from './case-stores';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';
import { LanguageSelect } from '../LanguageSelect';

export interface CaseAppProps {
  stores?: AliProofStores;
  mirrors?: CaseMirrors;
  /** fixed clock (tests); default: the real time, refreshed every minute */
  now?: Date;
  send?: Send;
  exporter?: (opts: ExportOptions) => Promise<BundleResult>;
  /** the window whose address says which case to show (tests) */
  win?: Window;
}

function useHash(win: Window): string {
  const [hash, setHash] = useState(win.location.hash);
  useEffect(() => {
    const on = () => setHash(win.location.hash);
    win.addEventListener('hashchange', on);
    return () => win.removeEventListener('hashchange', on);
  }, [win]);
  return hash;
}

export function CaseApp({ stores = defaultStores, mirrors = caseMirrors, now: fixedNow, send, exporter, win = window }: CaseAppProps) {
  useStartedStores(stores);
  useEffect(() => {
    void mirrors.notes.start();
    void mirrors.evidenceIndex.start();
  }, [mirrors]);
  const { t, lang } = useI18n();
  const now = useNow(fixedNow);
  const orders = useEffectiveOrders(now, stores);
  const cases = useCases(stores);
  // drawn once everything it shows has been read: each value arriving on its own re-drew every row
  const ready = [
    useStore(stores.cases.store, (s) => s.ready),
    useStore(stores.userFacts.store, (s) => s.ready),
    useStore(stores.settings.store, (s) => s.ready),
    useStore(stores.checklist.store, (s) => s.ready),
    useStore(mirrors.notes.store, (s) => s.ready),
    useStore(mirrors.evidenceIndex.store, (s) => s.ready),
  ].every(Boolean);
  const checklists = useChecklists(stores);
  const settings = useSettings(stores);
  const notes = useMirror(mirrors.notes);
  const evidenceIndex = useMirror(mirrors.evidenceIndex);
  const setting = useStore(languageStore, (s) => s.setting);
  const orderId = orderFromHash(useHash(win));
  const entry = orderId ? orders.find((o) => o.orderId === orderId) : undefined;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const title = orderId ? t('case.orderTitle', { id: orderId }) : t('case.listTitle');

  useEffect(() => {
    win.document.title = `${title} — ${t('case.pageTitle')}`;
    win.document.documentElement.lang = lang;
  }, [title, t, lang, win]);
  // a new view: put keyboard users at its heading
  useEffect(() => {
    titleRef.current?.focus();
  }, [orderId]);

  return (
    <div className="ap-case-page">
      <header className="ap-case-header">
        <span className="ap-brand">AliProof</span>
        <span className="ap-case-header-title">{t('case.pageTitle')}</span>
        <LanguageSelect
          value={setting}
          onChange={(language) => {
            setLanguageSetting(language);
            void stores.setSettings({ language });
          }}
        />
      </header>
      <main className="ap-case-main">
        {orderId && (
          <a className="ap-link ap-back" href="#">
            <span aria-hidden="true">← </span>
            {t('case.back')}
          </a>
        )}
        <h1 ref={titleRef} tabIndex={-1} className="ap-case-title">
          {title}
        </h1>
        {!ready ? (
          <p>{t('case.loading')}</p>
        ) : orderId ? (
          entry ? (
            <>
              {entry.order.items.length > 0 && (
                <ul className="ap-case-summary" aria-label={t('case.items')}>
                  {entry.order.items.map((i, k) => (
                    <li key={k}>{i.title}</li>
                  ))}
                </ul>
              )}
              <CaseView
                key={entry.orderId}
                entry={entry}
                record={cases.cases[entry.orderId]}
                now={now}
                settings={settings}
                checklist={checklists[entry.orderId]}
                notes={notes}
                evidenceIndex={evidenceIndex}
                stores={stores}
                mirrors={mirrors}
                send={send}
                exporter={exporter}
              />
            </>
          ) : (
            <p>{t('case.notFound', { id: orderId })}</p>
          )
        ) : (
          <CaseList orders={orders} now={now} evidenceIndex={evidenceIndex} notes={notes} />
        )}
      </main>
      <footer className="ap-footer">{t('case.localOnly')}</footer>
    </div>
  );
}
