// Loads the family (channel, language, contacts) before the composer starts, so its defaults are theirs.
import { Composer, type ComposerProps } from './Composer';
import { useFamily } from './use-family';

export function ComposerPanel(props: Omit<ComposerProps, 'family'>) {
  const { family, loaded } = useFamily(props.proposal.studentId);
  if (!loaded) return <section class="composer" aria-busy="true" />;
  return <Composer key={props.proposal.id} {...props} {...(family ? { family } : {})} />;
}
