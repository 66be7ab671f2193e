// A component's fan-out runs in one user's browser, over what the page shows: not reported. A loader of the same file runs on the server.
import { useEffect, useState } from 'react';

declare function loadAvatar(userId: string): Promise<string>;
declare function listMembers(teamId: string): Promise<Array<{ id: string }>>;

export async function loader({ params }: { params: { teamId: string } }) {
  const members = await listMembers(params.teamId);
  return Promise.all(members.map((member) => loadAvatar(member.id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export function Avatars({ userIds }: { userIds: string[] }) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    Promise.all(userIds.map((id) => loadAvatar(id))).then(setUrls);
  }, [userIds]);
  return (
    <div>
      {urls.map((url) => (
        <img key={url} src={url} alt="" />
      ))}
    </div>
  );
}
