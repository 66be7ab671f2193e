import * as path from 'node:path';
import { codeCacheFolder, runBundle } from './launch';

// The server proper is the bundle beside this one, compiled with the code V8 kept from an earlier start.
runBundle(path.join(__dirname, 'server-main.js'), codeCacheFolder());
