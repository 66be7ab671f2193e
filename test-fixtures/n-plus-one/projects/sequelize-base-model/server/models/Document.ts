// valid
import ParanoidModel from './base/ParanoidModel';

class Document extends ParanoidModel {
  title!: string;
  collectionId!: string;
}

export default Document;
