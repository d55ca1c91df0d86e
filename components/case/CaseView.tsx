// One order's case: the export, the clocks/facts/checklist (OrderView), the timeline, the evidence
// gallery, the user's note and the messages and letters.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../utils/i18n';
import type { CaseRecord } from '../../utils/cases/case-store';
import type { EffectiveOrder } from '../../utils/store/effective';
import type { ChecklistEntry, Settings } from '../../utils/store/items';
import type { AliProofStores } from '../../utils/store/stores';
import { buildTimeline } from '../../utils/case/timeline';
import { withNote, type CaseNotes } from '../../utils/case/notes';
import { ask, type Send } from '../../utils/evidence/client';
import { capturedKinds } from '../../utils/evidence/evidence-index';
import type { EvidenceIndex, EvidenceMeta } from '../../utils/evidence/types';
import { looksDelivered } from '../../utils/advice/tracking';
import { suggestReason } from '../../utils/advice/checklists';
import { templateFacts, templateReasonFor, type TemplateReason } from '../../utils/templates';
import type { ExportOptions } from '../../utils/bundle/collect';
import type { BundleResult } from '../../utils/bundle/build';
import { OrderView } from '../OrderView';
import { Gallery } from '../Gallery';
import { Timeline } from './Timeline';
import { NotesEditor } from './NotesEditor';
import { TemplatesPanel } from './TemplatesPanel';
import { ExportPanel } from './ExportPanel';
import type { CaseMirrors } from './case-stores';

export interface CaseViewProps {
  entry: EffectiveOrder;
  record?: CaseRecord;
  now: Date;
  settings: Settings;
  checklist?: ChecklistEntry;
  notes: CaseNotes;
  evidenceIndex: EvidenceIndex;
  stores: AliProofStores;
  mirrors: CaseMirrors;
  send?: Send;
  exporter?: (opts: ExportOptions) => Promise<BundleResult>;
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`ap-case-section ${className ?? ''}`}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** This order's evidence metadata, reloaded whenever the background's index of it changes. */
function useEvidence(orderId: string, index: EvidenceIndex, send?: Send): EvidenceMeta[] {
  const [items, setItems] = useState<EvidenceMeta[]>([]);
  const key = (index[orderId] ?? []).map((e) => e.id).join(',');
  useEffect(() => {
    let live = true;
    void ask({ type: 'list-evidence', orderId }, 20_000, send).then((r) => {
      if (live && r.ok) setItems(r.items);
    });
    return () => {
      live = false;
    };
  }, [orderId, key, send]);
  return items;
}

export function CaseView({ entry, record, now, settings, checklist, notes, evidenceIndex, stores, mirrors, send, exporter }: CaseViewProps) {
  const { t } = useI18n();
  const orderId = entry.orderId;
  const evidence = useEvidence(orderId, evidenceIndex, send);
  const tz = now.getTimezoneOffset();
  const timeline = useMemo(() => buildTimeline({ entry, record, evidence, now, tzOffsetMinutes: tz }), [entry, record, evidence, now, tz]);
  const facts = useMemo(() => templateFacts(entry, evidence, now), [entry, evidence, now]);
  const [reason, setReason] = useState<TemplateReason>(() =>
    templateReasonFor(checklist?.reason ?? suggestReason(looksDelivered(entry.order), entry.notReceived)),
  );
  const note = notes[orderId]?.text ?? '';

  return (
    <div className="ap-case-view" data-order-id={orderId}>
      <Section title={t('case.section.export')} className="ap-case-export">
        <ExportPanel entry={entry} record={record} note={note} reason={reason} overrides={settings.ruleOverrides} exporter={exporter} />
      </Section>

      <Section title={t('case.section.order')}>
        <OrderView
          entry={entry}
          now={now}
          stallDays={settings.stallDays}
          capturedKinds={capturedKinds(evidenceIndex, orderId)}
          checklist={checklist}
          onSaveFact={(k, v) => stores.setUserFact(orderId, k, v)}
          onClearFact={(k) => void stores.clearUserFact(orderId, k)}
          onSetReason={(r) => void stores.setReason(orderId, r)}
          onTick={(id, v) => void stores.setTick(orderId, id, v)}
        />
      </Section>

      <Section title={t('case.section.timeline')}>
        <Timeline entries={timeline} tzOffsetMinutes={tz} />
      </Section>

      <div className="ap-case-section">
        <Gallery orderId={orderId} send={send} />
      </div>

      <Section title={t('case.section.notes')}>
        <NotesEditor orderId={orderId} value={note} onSave={(text) => mirrors.notes.update((all) => withNote(all, orderId, text, new Date()))} />
      </Section>

      <Section title={t('case.section.templates')}>
        <TemplatesPanel facts={facts} timeline={timeline} reason={reason} onReason={setReason} tzOffsetMinutes={tz} />
      </Section>
    </div>
  );
}
