// A command's plugin that asks a developer at a terminal, then sets up a repository's workflows file by file.
// Reported here as plain code; the test leaves it alone in a package of command-line tools.
declare const github: {
  putFile(input: { repo: string; path: string; content: string }): Promise<void>;
  protectBranch(input: { repo: string; branch: string }): Promise<void>;
};

export interface Workflow {
  path: string;
  content: string;
}

export async function commitWorkflows(repo: string, workflows: Workflow[]): Promise<void> {
  for (const workflow of workflows) {
    await github.putFile({ repo, path: workflow.path, content: workflow.content });
//  ^^^^^ await-in-loop
  }
}

export async function protectBranches(repo: string, branches: string[]): Promise<void> {
  for (const branch of branches) {
    await github.protectBranch({ repo, branch });
//  ^^^^^ await-in-loop
  }
}
