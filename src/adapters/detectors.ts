// What the content script carries into every page: each adapter's id, label, view, status and
// `matches`, in the registry's order, and nothing of the readers. The reader for a page is injected
// by the background only once a `matches` says yes (see src/content/index.ts). Keep the order the
// same as in registry.ts (a unit test checks it).
import type { AdapterInfo } from './adapter';
import { demoGradebookInfo } from './demo-gradebook';
import { powerschoolGuardianInfo } from './powerschool-guardian';
import { rosariosisTeacherInfo } from './rosariosis-teacher';
import { moodleGraderInfo } from './moodle-grader';
import { infinitecampusTeacherInfo } from './infinitecampus-teacher';
import { schoologyStudentInfo } from './schoology-student';
import { skywardPopupInfo } from './skyward-popup';
import { canvasStudentInfo } from './canvas-student';
import { canvasTeacherInfo } from './canvas-teacher';
import { synergyStudentvueInfo } from './synergy-studentvue';
import { brightspaceTeacherInfo } from './brightspace-teacher';
import { veracrossStudentInfo } from './veracross-student';
import { aeriesSummaryInfo } from './aeries-summary';
import { rosariosisParentInfo } from './rosariosis-parent';
import { moodleUserReportInfo } from './moodle-user-report';
import { powerteacherProInfo } from './powerteacher-pro';
import { genesisParentInfo } from './genesis-parent';
import { hacProgressInfo } from './hac-progress';
import { skywardGradebookInfo } from './skyward-gradebook';
import { aeriesTeacherInfo } from './aeries-teacher';
import { hacAssignmentsInfo } from './hac-assignments';
import { skywardTeacherInfo } from './skyward-teacher';
import { schoologyTeacherInfo } from './schoology-teacher';
import { googleClassroomInfo } from './google-classroom';
import { synergyTeachervueInfo } from './synergy-teachervue';

export const detectors: readonly AdapterInfo[] = [
  demoGradebookInfo,
  powerschoolGuardianInfo,
  rosariosisTeacherInfo,
  moodleGraderInfo,
  infinitecampusTeacherInfo,
  schoologyStudentInfo,
  skywardPopupInfo,
  synergyStudentvueInfo,
  brightspaceTeacherInfo,
  veracrossStudentInfo,
  skywardGradebookInfo,
  skywardTeacherInfo,
  canvasStudentInfo,
  canvasTeacherInfo,
  aeriesSummaryInfo,
  aeriesTeacherInfo,
  genesisParentInfo,
  hacProgressInfo,
  hacAssignmentsInfo,
  rosariosisParentInfo,
  moodleUserReportInfo,
  powerteacherProInfo,
  schoologyTeacherInfo,
  googleClassroomInfo,
  synergyTeachervueInfo,
];

/** The first adapter whose `matches` says yes, skipping those the teacher switched off. */
export function detectAdapter(url: URL, doc: Document, disabled: readonly string[] = []): AdapterInfo | undefined {
  return detectors.find((info) => !disabled.includes(info.id) && info.matches(url, doc));
}
