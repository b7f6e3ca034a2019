// The guided mapping of the generic reader, loaded only when the teacher asks to read a page with it.
import { lazyScreen } from './lazy-screen';
import type { GenericMapperProps } from './GenericMapper';

export const GenericMapper = lazyScreen<GenericMapperProps>(() => import('./GenericMapper').then((m) => m.GenericMapper), 'generic-mapper');
