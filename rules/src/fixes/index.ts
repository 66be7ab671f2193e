/** Fixes: applying edits, and the edits each rule offers. */
export { applyFixes, fixText } from './apply';
export { fixedBytes } from './bytes';
