// The popup's screens past the first one, each loaded when the teacher opens it: the composer (tone
// check, templates, QR code) and the student view (the history through Dexie, the trend chart).
import type { ComposerProps } from './Composer';
import { lazyScreen } from './lazy-screen';
import type { StudentViewProps } from './StudentView';

export const ComposerPanel = lazyScreen<Omit<ComposerProps, 'family'>>(() => import('./ComposerPanel').then((m) => m.ComposerPanel), 'composer');

export const StudentView = lazyScreen<StudentViewProps>(() => import('./StudentView').then((m) => m.StudentView), 'student-view');
