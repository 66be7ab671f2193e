// valid
// A page's own functions, in a file that imports no hook: handlers written as JSX attributes, functions made
// inside a component that is not async, and a class component's methods all run in the browser.
import { Component } from 'react';

interface Member {
  id: string;
  email: string;
}

declare const api: {
  removeMember(id: string): Promise<void>;
  invite(email: string): Promise<Member>;
  archive(id: string): Promise<void>;
};
declare function notify(message: string): void;

export function MembersTable({ members, selected }: { members: Member[]; selected: string[] }) {
  const removeSelected = async () => {
    let removed = 0;
    for (const id of selected) {
      await api.removeMember(id);
      removed += 1;
    }
    notify(`${removed} members removed`);
  };
  return (
    <table>
      <tbody>
        {members.map((member) => (
          <tr key={member.id}>
            <td>{member.email}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>
            <button onClick={removeSelected}>Remove</button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

export const InviteForm = ({ emails }: { emails: string[] }) =>
  emails.length === 0 ? null : (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        for (const email of emails) {
          await api.invite(email);
        }
      }}
    >
      <button type="submit">Invite {emails.length}</button>
    </form>
  );

export class ArchiveToolbar extends Component<{ ids: string[] }> {
  archiveAll = async () => {
    for (const id of this.props.ids) {
      await api.archive(id);
    }
  };

  render() {
    return <button onClick={this.archiveAll}>Archive</button>;
  }
}
