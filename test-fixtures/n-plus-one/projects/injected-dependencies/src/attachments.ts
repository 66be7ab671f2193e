import { getWorkspaceIdOfForm, signedUrlFor } from './workspaces';

type AttachmentDependencies = {
  getWorkspaceIdOfForm: typeof getWorkspaceIdOfForm;
  signedUrlFor: typeof signedUrlFor;
};

const defaultDependencies: AttachmentDependencies = { getWorkspaceIdOfForm, signedUrlFor };

type Upload = { formId: string; key: string };

/** Tests hand in stand-ins; every other caller runs the default functions, one query per upload. */
export async function resolveUploads(uploads: Upload[], dependencies: AttachmentDependencies = defaultDependencies) {
  const urls: string[] = [];
  for (const upload of uploads) {
    const workspaceId = await dependencies.getWorkspaceIdOfForm(upload.formId);
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (workspaceId) urls.push(dependencies.signedUrlFor(upload.key));
  }
  return urls;
}

/** Handed on to a helper that declares each member as the function it stands for. */
export const attachUploads = ({ uploads, dependencies = defaultDependencies }: { uploads: Upload[]; dependencies?: AttachmentDependencies }) =>
  Promise.all(uploads.map((upload) => attachUpload({ upload, dependencies })));
//                                    ^^^^^^^^^^^^ n-plus-one

const attachUpload = async ({ upload, dependencies }: { upload: Upload; dependencies: AttachmentDependencies }) => {
  const workspaceId = await dependencies.getWorkspaceIdOfForm(upload.formId);
  return workspaceId ? dependencies.signedUrlFor(upload.key) : undefined;
};

type LooseDependencies = { lookUp: (formId: string) => Promise<string | undefined> };

/** A member typed only by its signature may be anything: the loop still waits on each call. */
export async function lookUpAll(formIds: string[], dependencies: LooseDependencies) {
  for (const formId of formIds) {
    await dependencies.lookUp(formId);
//  ^^^^^ await-in-loop
  }
}
