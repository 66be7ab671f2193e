// valid
// A component that only takes React's useCallback: its drop handler uploads the files one user dropped, from the page.
import { useCallback } from 'react';
import { useDropzone } from 'react-dropzone';

declare function uploadFile(file: File, onProgress: (percent: number) => void): Promise<{ key: string }>;

export function DropZone({ onUploaded, onProgress }: { onUploaded: (keys: string[]) => void; onProgress: (name: string, percent: number) => void }) {
  const onDrop = useCallback(
    async (accepted: File[]) => {
      const uploads = accepted.map(async (file) => {
        const { key } = await uploadFile(file, (percent) => onProgress(file.name, percent));
        return key;
      });
      onUploaded(await Promise.all(uploads));
    },
    [onUploaded, onProgress],
  );
  const { getRootProps, getInputProps } = useDropzone({ onDrop, multiple: true });
  return (
    <div {...getRootProps()}>
      <input {...getInputProps()} />
    </div>
  );
}
