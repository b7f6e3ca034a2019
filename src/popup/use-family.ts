// The family of the student a draft is for (contacts, preferred channel and language), if known.
import { useEffect, useState } from 'preact/hooks';
import type { Family } from '../core/types';
import { openDb } from '../storage/db';

const db = openDb();

export function useFamily(studentId: string): { family?: Family; loaded: boolean } {
  const [state, setState] = useState<{ family?: Family; loaded: boolean }>({ loaded: false });
  useEffect(() => {
    db.families.get(studentId).then(
      (family) => setState({ family, loaded: true }),
      (error: unknown) => {
        console.error('Heads-Up popup: family not loaded', error);
        setState({ loaded: true });
      },
    );
  }, [studentId]);
  return state;
}
