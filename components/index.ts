// React UI for the sidebar (shadow root) and the page badges. Import './badge.css' and './styles.css' into the shadow root.
export { Badge, ConnectedBadge, type BadgeProps, type ConnectedBadgeProps } from './Badge';
export { Sidebar, ConnectedSidebar, type SidebarProps, type ConnectedSidebarProps } from './Sidebar';
export { OrderView, type OrderViewProps } from './OrderView';
export { FixFactForm, type FixFactFormProps } from './FixFactForm';
export { EvidenceChecklist, type EvidenceChecklistProps } from './EvidenceChecklist';
export { Help } from './Help';
