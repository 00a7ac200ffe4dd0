'use client';

import { useEffect, useState } from 'react';

import { saveIntakeDraftAction } from '@/app/(staff)/intake/actions';
import type { IntakeSectionId } from '@/lib/intake/form/sections';
import type { IntakeFormValues } from '@/lib/intake/form/values';

import { DraftSaver, type SaveState } from './draft-saver';

interface AutosaveOptions {
  readonly draftId: string | null;
  readonly version: number | null;
  readonly savedAt: Date | null;
  readonly values: IntakeFormValues;
  readonly section: IntakeSectionId;
  /** False: keep no draft (a re-assessment); nothing is saved until it is submitted. */
  readonly enabled?: boolean;
}

/**
 * The draft, saved on the server as staff go (see DraftSaver). The first save creates the draft
 * and puts its id in the address bar, so a reload reopens it; leaving with unsaved answers asks
 * first; coming back online retries at once.
 */
export function useDraftAutosave({
  draftId: initialDraftId,
  version,
  savedAt,
  values,
  section,
  enabled = true,
}: AutosaveOptions) {
  const [state, setState] = useState<SaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'unsaved' });
  const [draftId, setDraftId] = useState(initialDraftId);
  const [saver] = useState(
    () =>
      new DraftSaver({
        draftId: initialDraftId,
        version,
        saved: { values, section },
        save: (request) => saveIntakeDraftAction(request),
        off: !enabled,
        onState: setState,
        onDraftCreated: (id) => {
          setDraftId(id);
          // Only the draft's id goes in the URL, never patient data.
          window.history.replaceState(null, '', `/intake/${id}`);
        },
      }),
  );

  useEffect(() => {
    saver.update({ values, section });
  }, [saver, values, section]);

  useEffect(() => {
    const online = () => saver.retryNow();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [saver]);

  useEffect(() => () => saver.dispose(), [saver]);

  return { state, draftId, saver };
}
