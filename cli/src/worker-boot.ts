import * as path from 'node:path';
import { loadBundle } from '../../workspace/src/code-cache';

/** A worker thread's entry: the analysis bundle, compiled from its code cache as on the main thread; the bundle then serves the thread's messages. */
loadBundle(path.join(__dirname, 'cli-analysis.js'));
