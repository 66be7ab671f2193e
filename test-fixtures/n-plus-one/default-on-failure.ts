import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Album {
  @PrimaryGeneratedColumn() id!: number;
  @Column('simple-array') discIds!: number[];
}

@Entity()
export class Track {
  @PrimaryGeneratedColumn() id!: number;
  @Column() discId!: number;
}

const dataSource = new DataSource({ type: 'postgres' });

export class AlbumStats {
  private readonly albums = dataSource.getRepository(Album);
  private readonly tracks = dataSource.getRepository(Track);

  private async countTracks(albumId: number) {
    const album = await this.albums.findOneBy({ id: albumId });
    if (!album) throw new Error(`No album ${albumId}`);
    let total = 0;
    for (const discId of album.discIds) total += await this.tracks.count({ where: { discId } });
//                                                     ^^^^^^^^^^^^^^^^^ n-plus-one
    return total;
  }

  // A zero in place of a failed count is what one grouped count gives for an album without rows.
  public async trackCounts(albumIds: number[]) {
    const counts: number[] = [];
    for (const albumId of albumIds) {
      try {
        counts.push(await this.countTracks(albumId));
//                        ^^^^^^^^^^^^^^^^ n-plus-one
      } catch (error) {
        counts.push(0);
      }
    }
    return counts;
  }

  // The albums whose count failed are kept apart, which one grouped count would not tell.
  public async countableAlbums(albumIds: number[]) {
    const failed: number[] = [];
    for (const albumId of albumIds) {
      try {
        await this.countTracks(albumId);
      } catch (error) {
        failed.push(albumId);
      }
    }
    return failed;
  }
}
