// Home Access Center shows its pages (progress report, classwork) inside `iframe.sg-legacy-iframe`; only
// the HAC banner around that frame names the student. The frame is same-origin, so a reader can look
// there; read on its own (a saved copy, or the page opened outside HAC) the student stays unnamed.
import type { ReadingStudent } from '../core/types';
import { normaliseName } from '../core/score-parse';

/** In the HAC shell around the frame (the selector public HAC readers use; not in the saved pages). */
const BANNER_STUDENT = '.sg-banner-chooser .sg-banner-text';

/** Stands in for the student when the banner cannot be read; readers report that they used it. */
export const UNNAMED_STUDENT: ReadingStudent = { key: 'unnamed-student', name: 'Unnamed student' };

export const UNNAMED_REASON = "the student's name is only in the Home Access Center banner around this page, which could not be read; the courses are filed under an unnamed student";

/** The student named in the HAC banner: of this document, or of the same-origin page framing it. */
export function bannerStudent(doc: Document): ReadingStudent | undefined {
  // frameElement is null for a top-level page and for a cross-origin parent; it never throws.
  const shell = doc.defaultView?.frameElement?.ownerDocument;
  for (const source of [doc, shell]) {
    const name = (source?.querySelector(BANNER_STUDENT)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (name) return { key: normaliseName(name), name };
  }
  return undefined;
}
