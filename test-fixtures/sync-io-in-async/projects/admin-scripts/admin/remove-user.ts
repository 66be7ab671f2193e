// An admin script run by hand: what it imports alone runs only while it does.
import { backup } from './backup';
import { exportRows } from '../src/export-rows';

const email = process.argv[2];
void backup('removed', [email]).then(() => exportRows('removed', [email]));
