import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Playlist {
  @PrimaryGeneratedColumn() id!: number;
  @Column('simple-array') trackIds!: string[];
}

const dataSource = new DataSource({ type: 'postgres' });
const playlists = dataSource.getRepository(Playlist);

// Removing a track from each playlist's own list changes that item only: the look-up still runs once per playlist.
export async function dropTrack(lists: Playlist[], trackId: string) {
  for (const list of lists) {
    const rules = await playlists.query('SELECT rules FROM playlist_rules WHERE playlist_id = $1', [list.id]);
//                      ^^^^^^^^^^^^^^^ n-plus-one
    if (!rules) continue;
    const position = list.trackIds.indexOf(trackId);
    if (position > -1) list.trackIds.splice(position, 1);
  }
  await playlists.save(lists);
}

// A window taken from a list every iteration shares is a chunk: one statement per chunk of ids.
export async function touchInChunks(ids: number[], size: number) {
  for (let start = 0; start < ids.length; start += size) {
    const part = ids.slice(start, start + size);
    await playlists.update(part, { trackIds: [] });
  }
}
