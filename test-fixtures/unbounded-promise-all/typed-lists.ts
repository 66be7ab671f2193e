// A list a person typed into one setting (`"a@x.io, b@x.io"`, `"1.1.1.1;8.8.8.8"`) holds as many entries as were written there; the lines of an upload do not.
interface AlertSettings {
  phoneNumbers: string;
  resolvers: string;
  webhookUrls: string;
}

declare function sendSms(phone: string, text: string): Promise<void>;
declare function resolveHost(host: string): Promise<string[]>;
declare function post(url: string, body: unknown): Promise<Response>;
declare function importRow(line: string): Promise<void>;
declare function loadUser(id: string): Promise<unknown>;

export async function notify(settings: AlertSettings, text: string) {
  const phones = settings.phoneNumbers
    .split(',')
    .map((phone) => phone.trim())
    .filter(Boolean);
  await Promise.all(phones.map((phone) => sendSms(phone, text)));
  await Promise.all(settings.webhookUrls.split(/[;,]/).map((url) => post(url.trim(), { text })));
}

export async function resolvers(settings: AlertSettings) {
  const hosts = settings.resolvers.replace(/\s/g, '').split(/\s*\|\s*/);
  const pending = hosts.map(async (host) => resolveHost(host));
  return (await Promise.all(pending)).flat();
}

export async function importLines(upload: string, ids: string[]) {
  await Promise.all(upload.split('\n').map((line) => importRow(line)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(upload.split(/\r?\n/).map((line) => importRow(line)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(ids.map((id) => loadUser(id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
