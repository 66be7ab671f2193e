import axios from 'axios';
import { dataSource } from '../media/data-source';
import { Media } from '../media/media.entity';
import { KeyedLock } from '../utils/keyed-lock';

interface CatalogItem {
  externalId: string;
}

export class LibrarySync {
  private readonly lock = new KeyedLock();
  private readonly mediaRepository = dataSource.getRepository(Media);

  // Fetches the item's details first, then finds or creates its row under a lock per item.
  private async importItem(id: string) {
    const { data: details } = await axios.get<CatalogItem>(`https://catalog.example.com/items/${id}`);
    await this.lock.run(details.externalId, async () => {
      const existing = await this.mediaRepository.findOne({ where: { externalId: details.externalId } });
      if (!existing) await this.mediaRepository.save(this.mediaRepository.create({ externalId: details.externalId }));
    });
  }

  // Reads the row first, then announces it and records that: the loop waits on the announcement.
  private async publishItem(id: number) {
    const media = await this.mediaRepository.findOneBy({ id });
    if (!media) return;
    await axios.post('https://catalog.example.com/announcements', { externalId: media.externalId });
    await this.mediaRepository.update({ id }, { publishedAt: new Date() });
  }

  // Fetches the item, reads its row, then uploads a file for it: the loop waits on the upload.
  private async coverItem(id: string) {
    const { data: details } = await axios.get<CatalogItem>(`https://catalog.example.com/items/${id}`);
    const existing = await this.mediaRepository.findOneBy({ externalId: details.externalId });
    await axios.put(`https://files.example.com/covers/${details.externalId}`, { replaces: existing?.id });
  }

  public async coverAll(ids: string[]) {
    for (const id of ids) {
      await this.coverItem(id);
//    ^^^^^ await-in-loop
    }
  }

  public async importAll(ids: string[]) {
    for (const id of ids) {
      await this.importItem(id);
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  public async publishAll(ids: number[]) {
    for (const id of ids) {
      await this.publishItem(id);
//    ^^^^^ await-in-loop
    }
  }
}
