// valid
// A form's sections validated one by one in the page, and the files one user picked uploaded in turn: a page's loops.
import { useCallback, useEffect, useState } from 'react';
import { useForm, type UseFormTrigger } from 'react-hook-form';

interface Values {
  name: string;
  limit: number;
}

interface Section {
  id: string;
  fields: Array<keyof Values>;
}

declare const sections: Section[];
declare function uploadFile(file: File): Promise<string>;

export function useSectionStates(open: boolean, trigger: UseFormTrigger<Values>) {
  const [valid, setValid] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (!open) return;
    const validate = async () => {
      const states: Record<string, boolean> = {};
      for (const section of sections) {
        states[section.id] = await trigger(section.fields);
      }
      setValid(states);
    };
    void validate();
  }, [open, trigger]);
  return valid;
}

export function SettingsForm() {
  const form = useForm<Values>();
  const checkAll = async () => {
    const invalid: string[] = [];
    for (const section of sections) {
      const passed = await form.trigger(section.fields);
      if (!passed) invalid.push(section.id);
    }
    return invalid;
  };
  return <button onClick={() => void checkAll()}>Check</button>;
}

export function FileDrop({ maxBytes }: { maxBytes: number }) {
  const [urls, setUrls] = useState<string[]>([]);
  const fitsLimit = useCallback(async (file: File) => file.size <= maxBytes, [maxBytes]);
  const accept = async (files: File[]) => {
    const accepted: File[] = [];
    for (const file of files) {
      if (await fitsLimit(file)) accepted.push(file);
    }
    const uploaded: string[] = [];
    for (const file of accepted) {
      uploaded.push(await uploadFile(file));
    }
    setUrls(uploaded);
  };
  return <input type="file" multiple onChange={(event) => void accept([...(event.target.files ?? [])])} data-count={urls.length} />;
}
