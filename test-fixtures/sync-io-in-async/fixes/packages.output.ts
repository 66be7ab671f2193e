import fse from 'fs-extra';
import bcrypt from 'bcrypt';
import fg from 'fast-glob';

export async function register(user: { name: string; password: string }) {
  const hash = await bcrypt.hash(user.password, 12);
  const users = fse.pathExistsSync('users.json') ? await fse.readJson('users.json') : [];
  await fse.outputJson('users.json', [...users, { name: user.name, hash }]);
  const avatars = await fg.glob('avatars/*.png');
  const legacy = fg.sync('legacy/*.png');
  return { ok: await bcrypt.compare(user.password, hash), avatars, legacy };
}
