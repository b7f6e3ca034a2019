// `node bench/tone/samples.mjs [all]`: one draft per kind × channel × language (every variant with
// `all`), each with its student note, call suggestion, SMS facts and tone findings — for review and for
// the closing note.
import { importTs } from '../build-ts.mjs';

const { samples } = await importTs('bench/tone/samples-entry.ts');
console.log(samples(process.argv[2] === 'all'));
