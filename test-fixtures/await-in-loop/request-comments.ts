// Comments posted to one pull or merge request are one conversation, shown in the order posted, and code hosts ask for
// content to be created one request at a time. A comment per request of the loop is reported.
interface ReviewNote {
  path: string;
  line: number;
  body: string;
}

interface GitHubClient {
  rest: {
    pulls: { createReviewComment(params: { owner: string; repo: string; pull_number: number; path: string; line: number; body: string }): Promise<void> };
    issues: { createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<void> };
  };
}

interface GitLabClient {
  MergeRequestDiscussions: { create(projectId: number, mergeRequestIid: number, body: string, options?: { position?: unknown }): Promise<void> };
  MergeRequestNotes: { create(projectId: number, mergeRequestIid: number, body: string): Promise<void> };
}

export async function publishReview(github: GitHubClient, repo: { owner: string; name: string }, pullNumber: number, notes: ReviewNote[]) {
  for (const note of notes) {
    await github.rest.pulls.createReviewComment({
      owner: repo.owner,
      repo: repo.name,
      pull_number: pullNumber,
      path: note.path,
      line: note.line,
      body: note.body,
    });
  }
}

export async function publishDiscussions(gitlab: GitLabClient, projectId: number, request: { iid: number }, notes: ReviewNote[]) {
  for (const note of notes) {
    try {
      await gitlab.MergeRequestDiscussions.create(projectId, request.iid, note.body, { position: { newPath: note.path, newLine: note.line } });
    } catch {
      await gitlab.MergeRequestNotes.create(projectId, request.iid, `${note.path}:${note.line}\n\n${note.body}`);
    }
  }
}

export async function remindStalePulls(github: GitHubClient, owner: string, repo: string, stale: Array<{ number: number }>) {
  for (const pull of stale) {
    await github.rest.issues.createComment({ owner, repo, issue_number: pull.number, body: 'This pull request has had no activity for a month.' });
//  ^^^^^ await-in-loop
  }
}

export async function announceRelease(gitlab: GitLabClient, projectId: number, requests: Array<{ iid: number }>, version: string) {
  for (const request of requests) {
    await gitlab.MergeRequestNotes.create(projectId, request.iid, `Released in ${version}.`);
//  ^^^^^ await-in-loop
  }
}
