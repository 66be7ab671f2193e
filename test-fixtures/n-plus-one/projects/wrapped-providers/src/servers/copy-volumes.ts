import { addVolume, dropVolume } from './volumes';

export async function moveVolumes(from: string | null, to: string, volumes: { path: string; kind: string }[]) {
  for (const volume of volumes) {
    await addVolume(to, volume);
//        ^^^^^^^^^ n-plus-one
  }
  for (const volume of volumes) {
    await dropVolume(from, volume.path);
//  ^^^^^ await-in-loop
  }
}
