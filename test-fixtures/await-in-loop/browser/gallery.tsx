// valid
// A component that loads its photos in an effect: the page waits for one user's photos, one by one.
import { useEffect, useState } from 'react';

interface Photo {
  id: string;
  url: string;
}

declare function loadPhoto(id: string): Promise<Photo>;

export function Gallery({ ids }: { ids: string[] }) {
  const [photos, setPhotos] = useState<Photo[]>([]);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const loaded: Photo[] = [];
      for (const id of ids) {
        loaded.push(await loadPhoto(id));
      }
      if (!cancelled) setPhotos(loaded);
    })();
    return () => {
      cancelled = true;
    };
  }, [ids]);
  return (
    <ul>
      {photos.map((photo) => (
        <li key={photo.id}>
          <img src={photo.url} alt="" />
        </li>
      ))}
    </ul>
  );
}
