import { analyze } from '../engine';
import type { AnalysisOptions, Fix, NewFile, TextEdit } from '../types';

/**
 * Applies fixes whose edits do not overlap edits already taken; an edit identical to one
 * already taken (a helper inserted by several fixes) is applied once. A fix whose own edits
 * overlap or fall outside the text is refused whole.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; newFiles: NewFile[] } {
  const taken: TextEdit[] = [];
  const newFiles: NewFile[] = [];
  let applied = 0;
  const ordered = fixes.filter((fix) => isWellFormed(fix, text.length)).sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    const fresh = fix.edits.filter((edit, i) => !taken.some((other) => sameEdit(edit, other)) && fix.edits.findIndex((other) => sameEdit(edit, other)) === i);
    if (fresh.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fresh);
    applied++;
    addNewFiles(newFiles, fix.newFiles ?? []);
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = text;
  for (const edit of taken) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return { text: output, applied, newFiles };
}

/** Adds files to create, each path once (the first text wins: every fix writes the same helper). */
function addNewFiles(into: NewFile[], files: readonly NewFile[]): void {
  for (const file of files) if (!into.some((other) => other.file === file.file)) into.push(file);
}

function isWellFormed(fix: Fix, length: number): boolean {
  const inside = (edit: TextEdit): boolean =>
    Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= length;
  return (
    fix.edits.length > 0 &&
    fix.edits.every(inside) &&
    fix.edits.every((edit, i) => fix.edits.slice(i + 1).every((other) => sameEdit(edit, other) || !overlaps(edit, other)))
  );
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.start));
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Two edits overlap when they replace shared text, or insert at the same point (their order would be ambiguous). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return (
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && b.start < a.start && a.start < b.end) ||
    (b.start === b.end && a.start < b.start && b.start < a.end)
  );
}

const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix (with `unsafe`, every fix: for tests and previews of what a person
 * may choose), re-analyzing between passes until nothing more applies.
 */
export function fixText(text: string, fileName: string, options: AnalysisOptions, unsafe = false): { text: string; fixed: number; newFiles: NewFile[] } {
  let current = text;
  let fixed = 0;
  const newFiles: NewFile[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings, error } = analyze(current, fileName, options);
    if (error && findings.length === 0) break;
    const fixes = findings.flatMap((finding) => (finding.fix && (finding.fix.safe || unsafe) ? [finding.fix] : []));
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixed += result.applied;
    addNewFiles(newFiles, result.newFiles);
  }
  return { text: current, fixed, newFiles };
}
