interface Attachment {
  id: string;
  storagePath: string;
  file?: string;
}

interface Preview {
  id: string;
  actions?: { action: string; id: string }[];
}

declare function fetchMetadata(path: string): Promise<string>;
declare function loadAction(id: string): Promise<void>;

export async function refresh(attachments: Attachment[], previews: Preview[]): Promise<void> {
  for (const attachment of attachments) {
    const preview = previews.find((p) => p.id === attachment.id);
    const actionId = preview?.actions?.find((a) => a.action === 'RETURN_ITEM')?.id;
    if (attachment.file) {
      await fetchMetadata(attachment.storagePath);
    }
    if (actionId) {
      await loadAction(actionId);
    }
  }
}
