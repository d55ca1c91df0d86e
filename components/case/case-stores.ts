// The case page's extra mirrors of storage: the user's notes (written here) and the evidence index
// (written by the background; read here for counts).
import { mirror, useMirror, type Mirror } from '../../utils/store/stores';
import { caseNotesItem, type CaseNotes } from '../../utils/case/notes';
import { evidenceIndexItem } from '../../utils/evidence/evidence-index';
import type { EvidenceIndex } from '../../utils/evidence/types';

export interface CaseMirrors {
  notes: Mirror<CaseNotes>;
  evidenceIndex: Mirror<EvidenceIndex>;
}

export function createCaseMirrors(): CaseMirrors {
  return { notes: mirror<CaseNotes>(caseNotesItem), evidenceIndex: mirror<EvidenceIndex>(evidenceIndexItem) };
}

export const caseMirrors: CaseMirrors = createCaseMirrors();

export const useNotes = (m: CaseMirrors = caseMirrors) => useMirror(m.notes);
export const useEvidenceIndex = (m: CaseMirrors = caseMirrors) => useMirror(m.evidenceIndex);
