// The AliProof sidebar (rendered in a shadow root, fixed to the right edge so the page's layout never
// moves). `Sidebar` is driven by props; `ConnectedSidebar` wires it to the storage-backed stores.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { capturedKinds as capturedKindsOf } from '../utils/evidence/evidence-index';
import type { OrderItem } from '../utils/types';
import { useStore } from 'zustand';
import { languageStore, setLanguageSetting, useI18n, type LanguageSetting } from '../utils/i18n';
import { casesByUrgency, type EffectiveOrder } from '../utils/store/effective';
import type { Checklists, UserFactKey } from '../utils/store/items';
import { DEFAULT_SETTINGS } from '../utils/store/items';
import {
  stores as defaultStores,
  useChecklists,
  useEvidenceIndex,
  useEffectiveOrders,
  useNow,
  useSettings,
  useStartedStores,
  type AliProofStores,
} from '../utils/store/stores';
import type { DisputeReason } from '../utils/advice/checklists';
import { Badge } from './Badge';
import { OrderView } from './OrderView';
import { LanguageSelect } from './LanguageSelect';

export interface SidebarProps {
  mode: 'list' | 'order';
  orders: readonly EffectiveOrder[];
  /** the order shown in 'order' mode */
  orderId?: string;
  now: Date;
  /** evidence kinds already captured for the open order ('chat', 'tracking', …) */
  capturedKinds?: readonly string[];
  checklists?: Checklists;
  stallDays?: number;
  onClose: () => void;
  onOpenOrder?: (orderId: string) => void;
  onBack?: () => void;
  onSaveFact?: (orderId: string, key: UserFactKey, value: string) => void | Promise<void>;
  onClearFact?: (orderId: string, key: UserFactKey) => void;
  onSetReason?: (orderId: string, reason: DisputeReason) => void;
  onTick?: (orderId: string, itemId: string, ticked: boolean) => void;
  /** default: switch the language for this page only */
  onLanguage?: (language: LanguageSetting) => void;
  /** captures and the gallery for an order, shown in its view */
  renderEvidence?: (orderId: string, items: readonly OrderItem[]) => ReactNode;
}

export function Sidebar(props: SidebarProps) {
  const { mode, orders, orderId, now, onClose, onBack } = props;
  const { t, lang } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const setting = useStore(languageStore, (s) => s.setting);

  // move focus into the sidebar when it opens or changes view, so keyboard users land in it
  useEffect(() => {
    titleRef.current?.focus();
  }, [mode, orderId]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const entry = mode === 'order' ? orders.find((o) => o.orderId === orderId) : undefined;
  const title = mode === 'order' && orderId ? t('sidebar.orderTitle', { id: orderId }) : t('sidebar.listTitle');

  return (
    <aside role="complementary" aria-label="AliProof" className="ap-sidebar" lang={lang} onKeyDown={onKeyDown}>
      <header className="ap-header">
        <span className="ap-brand">AliProof</span>
        <div className="ap-header-tools">
          <LanguageSelect value={setting} onChange={(language) => (props.onLanguage ?? setLanguageSetting)(language)} />
          <button type="button" className="ap-icon-button" aria-label={t('sidebar.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <div className="ap-body">
        {mode === 'order' && onBack && (
          <button type="button" className="ap-link ap-back" onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t('sidebar.back')}
          </button>
        )}
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="ap-title">
          {title}
        </h2>
        {mode === 'list' ? (
          <OrderList {...props} />
        ) : entry ? (
          <OrderView
            entry={entry}
            now={now}
            stallDays={props.stallDays ?? DEFAULT_SETTINGS.stallDays}
            capturedKinds={props.capturedKinds ?? []}
            checklist={props.checklists?.[entry.orderId]}
            onSaveFact={props.onSaveFact && ((k, v) => props.onSaveFact!(entry.orderId, k, v))}
            onClearFact={props.onClearFact && ((k) => props.onClearFact!(entry.orderId, k))}
            onSetReason={props.onSetReason && ((r) => props.onSetReason!(entry.orderId, r))}
            onTick={props.onTick && ((id, v) => props.onTick!(entry.orderId, id, v))}
            evidence={props.renderEvidence?.(entry.orderId, entry.order.items)}
          />
        ) : (
          <p>{t('sidebar.orderNotFound', { id: orderId ?? '' })}</p>
        )}
      </div>
      <footer className="ap-footer">{t('sidebar.localOnly')}</footer>
    </aside>
  );
}

function OrderList({ orders, now, onOpenOrder }: SidebarProps) {
  const { t } = useI18n();
  const sorted = casesByUrgency(orders, now);
  if (sorted.length === 0) return <p className="ap-empty">{t('sidebar.listEmpty')}</p>;
  return (
    <ol className="ap-order-list">
      {sorted.map((e) => (
        <li key={e.orderId} className="ap-order-row" data-order-id={e.orderId}>
          <div className="ap-order-row-text">
            <span className="ap-order-id">{e.orderId}</span>
            {e.order.store?.name && <span className="ap-order-store">{e.order.store.name}</span>}
            <span className="ap-order-status">{t(`status.${e.order.status}`)}</span>
          </div>
          <Badge orderId={e.orderId} order={e.order} sources={e.sources} now={now} onOpen={onOpenOrder} />
          {onOpenOrder && (
            <button
              type="button"
              className="ap-button"
              aria-label={t('sidebar.openOrder', { id: e.orderId })}
              onClick={() => onOpenOrder(e.orderId)}
            >
              {t('sidebar.open')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface ConnectedSidebarProps {
  /** open this order first; without it the sidebar starts with the list */
  orderId?: string;
  /** evidence kinds captured per order id (default: from the stored evidence index) */
  capturedKinds?: Readonly<Record<string, readonly string[]>>;
  onClose: () => void;
  renderEvidence?: (orderId: string, items: readonly OrderItem[]) => ReactNode;
  stores?: AliProofStores;
  /** fixed clock (tests, demo); default: the real time, refreshed every minute */
  now?: Date;
}

/** The sidebar on the stores: every change made here or in another tab shows at once. */
export function ConnectedSidebar({ orderId, capturedKinds, onClose, renderEvidence, stores = defaultStores, now: fixedNow }: ConnectedSidebarProps) {
  const evidenceIndex = useEvidenceIndex(stores);
  useStartedStores(stores);
  const now = useNow(fixedNow);
  const orders = useEffectiveOrders(now, stores);
  const checklists = useChecklists(stores);
  const settings = useSettings(stores);
  const [openId, setOpenId] = useState<string | undefined>(orderId);
  useEffect(() => setOpenId(orderId), [orderId]);

  return (
    <Sidebar
      mode={openId ? 'order' : 'list'}
      orders={orders}
      orderId={openId}
      now={now}
      capturedKinds={openId ? (capturedKinds?.[openId] ?? capturedKindsOf(evidenceIndex, openId)) : []}
      renderEvidence={renderEvidence}
      checklists={checklists}
      stallDays={settings.stallDays}
      onClose={onClose}
      onOpenOrder={setOpenId}
      onBack={() => setOpenId(undefined)}
      onSaveFact={(id, key, value) => stores.setUserFact(id, key, value)}
      onClearFact={(id, key) => void stores.clearUserFact(id, key)}
      onSetReason={(id, reason) => void stores.setReason(id, reason)}
      onTick={(id, item, ticked) => void stores.setTick(id, item, ticked)}
      onLanguage={(language) => {
        setLanguageSetting(language); // at once here; other tabs follow through storage
        void stores.setSettings({ language });
      }}
    />
  );
}
