// The case page: mounts CaseApp (components/case). Everything else lives there.
import { createRoot } from 'react-dom/client';
import { CaseApp } from '../../components/case/CaseApp';
import '../../components/badge.css';
import '../../components/styles.css';
import '../../components/case/case.css';

createRoot(document.getElementById('root')!).render(<CaseApp />);
