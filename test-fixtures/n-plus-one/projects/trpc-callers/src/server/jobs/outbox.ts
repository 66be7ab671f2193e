import { makeClient } from './client';

export async function deliver(notes: { id: number; body: string }[]) {
  for (const note of notes) {
    await makeClient('https://hooks.example.com').notes.save(note);
//  ^^^^^ await-in-loop
  }
}
