// valid
import { Container } from 'inversify';
import TYPES from './Types';
import { FixQuota } from '../UseCase/FixQuota';
import { SendDigests } from '../UseCase/SendDigests';
import { RenameTags } from '../UseCase/RenameTags';
import { TagsController } from '../Controller/TagsController';

export function loadContainer(): Container {
  const container = new Container();
  container.bind<FixQuota>(TYPES.FixQuota).toConstantValue(new FixQuota());
  container.bind<SendDigests>(TYPES.SendDigests).toConstantValue(new SendDigests());
  container.bind<RenameTags>(TYPES.RenameTags).to(RenameTags);
  container.bind<TagsController>(TYPES.TagsController).to(TagsController);
  return container;
}
