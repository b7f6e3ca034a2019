// What the student view shows: the timeline (events, overall grades, contacts — across every record of
// the same person), the family, and the section's assignments to name the events.
import { useEffect, useState } from 'preact/hooks';
import type { Assignment, Family, Student } from '../core/types';
import { openDb } from '../storage/db';
import { loadStudentTimeline, type TimelineEntry } from '../storage/queries';

const db = openDb();

export interface StudentRecordView {
  student?: Student;
  family?: Family;
  timeline: TimelineEntry[];
  assignments: Map<string, Assignment>;
}

export function useStudentRecord(studentId: string): { record?: StudentRecordView; error?: string } {
  const [state, setState] = useState<{ record?: StudentRecordView; error?: string }>({});
  useEffect(() => {
    Promise.all([db.students.get(studentId), db.families.get(studentId), loadStudentTimeline(db, studentId)])
      .then(async ([student, family, timeline]) => {
        const assignments = await db.assignments.where('sectionId').anyOf(student?.sectionIds ?? []).toArray();
        setState({ record: { student, family, timeline, assignments: new Map(assignments.map((a) => [a.id, a])) } });
      })
      .catch((error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }));
  }, [studentId]);
  return state;
}
