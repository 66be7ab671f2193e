// valid
import TYPES from '../src/Bootstrap/Types';
import { loadContainer } from '../src/Bootstrap/Container';
import type { SendDigests } from '../src/UseCase/SendDigests';

const frequency = process.argv[2] ?? 'daily';
void loadContainer().get<SendDigests>(TYPES.SendDigests).execute(frequency);
