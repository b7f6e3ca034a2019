// Every adapter Heads-Up knows, in the order they are tried: the first whose `matches` says yes reads
// the page. Specific systems first; a generic table reader, when there is one, goes last.
import type { Adapter } from './adapter';
import { demoGradebook } from './demo-gradebook';
import { powerschoolGuardian } from './powerschool-guardian';
import { rosariosisTeacher } from './rosariosis-teacher';
import { moodleGrader } from './moodle-grader';
import { infinitecampusTeacher } from './infinitecampus-teacher';
import { schoologyStudent } from './schoology-student';
import { skywardPopup } from './skyward-popup';
import { canvasStudent } from './canvas-student';
import { canvasTeacher } from './canvas-teacher';
import { synergyStudentvue } from './synergy-studentvue';
import { brightspaceTeacher } from './brightspace-teacher';
import { veracrossStudent } from './veracross-student';
import { aeriesSummary } from './aeries-summary';
import { rosariosisParent } from './rosariosis-parent';
import { moodleUserReport } from './moodle-user-report';
import { powerteacherPro } from './powerteacher-pro';
import { genesisParent } from './genesis-parent';
import { hacProgress } from './hac-progress';
import { skywardGradebook } from './skyward-gradebook';
import { aeriesTeacher } from './aeries-teacher';
import { hacAssignments } from './hac-assignments';
import { skywardTeacher } from './skyward-teacher';
import { schoologyTeacher } from './schoology-teacher';
import { googleClassroom } from './google-classroom';
import { synergyTeachervue } from './synergy-teachervue';

export const adapters: readonly Adapter[] = [
  demoGradebook,
  powerschoolGuardian,
  rosariosisTeacher,
  moodleGrader,
  infinitecampusTeacher,
  schoologyStudent,
  skywardPopup,
  synergyStudentvue,
  brightspaceTeacher,
  veracrossStudent,
  skywardGradebook,
  skywardTeacher,
  canvasStudent,
  canvasTeacher,
  aeriesSummary,
  aeriesTeacher,
  genesisParent,
  hacProgress,
  hacAssignments,
  rosariosisParent,
  moodleUserReport,
  powerteacherPro,
  schoologyTeacher,
  googleClassroom,
  synergyTeachervue,
];

/** The adapter for this page, if any. A `matches` that throws counts as no match (and is reported),
 * so one broken adapter cannot stop the others from being tried. */
export function pickAdapter(url: URL, doc: Document, candidates: readonly Adapter[] = adapters): Adapter | undefined {
  return candidates.find((adapter) => {
    try {
      return adapter.matches(url, doc);
    } catch (error) {
      console.warn(`Heads-Up: adapter ${adapter.id} failed to check ${url.href}`, error);
      return false;
    }
  });
}
