// valid
import TYPES from '../src/Bootstrap/Types';
import { loadContainer } from '../src/Bootstrap/Container';
import type { FixQuota } from '../src/UseCase/FixQuota';

const emails = process.argv.slice(2);
void loadContainer().get<FixQuota>(TYPES.FixQuota).execute(emails);
