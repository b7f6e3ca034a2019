// Prints one draft per kind × channel × language with its tone findings (for the closing note of issue 7).
import { composeDraft } from '../../src/core/compose';
import { checkTone } from '../../src/core/tone';
import { NOW, sampleProposals, settings } from '../../tests/core/compose-fixtures';

export function samples(all = false): string {
  const out: string[] = [];
  for (const [name, p] of Object.entries(sampleProposals())) {
    for (const language of ['en', 'es']) {
      for (const channel of ['email', 'text', 'phone'] as const) {
        for (const variant of all ? [0, 1, 2, 3, 4, 5] : [0]) {
          const d = composeDraft(p, settings, NOW, { channel, language, variant });
          const names = [...p.evidence, ...p.goingWell].map((e) => e.assignmentName);
          const findings = checkTone({ text: d.body, language, channel, kind: p.kind, assignmentNames: names });
          out.push(`### ${name} · ${channel} · ${language} · v${variant}${d.subject ? `\nSubject: ${d.subject}` : ''}\n${d.body}\n[student] ${d.studentNote}\n[call] ${d.suggestCall}${d.sms ? ` [sms] ${JSON.stringify(d.sms)}` : ''}\n[findings] ${JSON.stringify(findings)}`);
        }
      }
    }
  }
  return out.join('\n\n');
}
