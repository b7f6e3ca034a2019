// The generic table reader as injected into a page (see src/adapters/generic-table.ts).
import { previewTable, proposeMapping, readWithMapping, withColumnRole } from '../../adapters/generic-table';
import { shared } from '../globals';

shared.__headsUpGeneric = { proposeMapping, previewTable, withColumnRole, readWithMapping };
