import { useEffect, useState } from 'react';

declare function loadAvatar(userId: string): Promise<string>;

export function Avatars({ userIds }: { userIds: string[] }) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    Promise.all(userIds.map((id) => loadAvatar(id))).then(setUrls);
//  ^^^^^^^^^^^ unbounded-promise-all
  }, [userIds]);
  return (
    <div>
      {urls.map((url) => (
        <img key={url} src={url} alt="" />
      ))}
    </div>
  );
}
